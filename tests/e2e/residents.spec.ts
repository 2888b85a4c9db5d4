import { expect, test } from "@playwright/test";
import { signedInAs, SAME_ORIGIN } from "./helpers";

// The fictitious resident of the demo seed served by both flagships (db/seed/beneficiaries-demo.ts).
const SHARED_NIK = "1811064506850003";
const SIXTEEN_DIGITS = /\d{16}/;

test("Bappeda looks up a NIK sent in a POST body, sees both programmes, reveals it (audited)", async ({ page }) => {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/residents");
  await expect(page.getByRole("heading", { name: "Penelusuran penduduk" })).toBeVisible();

  // A damaged NIK gets lib/nik's specific message.
  await page.getByLabel("NIK (16 digit)").fill("1.81101E+15");
  await page.getByRole("button", { name: "Telusuri" }).click();
  await expect(
    page.getByText("NIK rusak oleh format angka Excel — format kolom NIK sebagai teks lalu ekspor ulang"),
  ).toBeVisible();

  await page.getByLabel("NIK (16 digit)").fill("1811 0645 0685 0003");
  await page.getByRole("button", { name: "Telusuri" }).click();
  const result = page.getByTestId("lookup-result");
  await expect(result).toBeVisible();
  await expect(page.getByTestId("masked-nik")).toHaveText("181106******0003");
  const programmes = page.getByTestId("lookup-programmes");
  await expect(programmes).toContainText("Payo Beladas");
  await expect(programmes).toContainText("Pak Kur");
  await expect(page.getByTestId("lookup-services")).toContainText("Akad KUR");
  // Before the reveal, the NIK appears nowhere on the page (the input holds it, not the text).
  expect(await page.locator("main").innerText()).not.toMatch(SIXTEEN_DIGITS);

  await page.getByLabel("Alasan (opsional)").fill("Uji e2e verifikasi");
  await page.getByRole("button", { name: "Buka NIK dan nama" }).click();
  const revealed = page.getByTestId("revealed");
  await expect(revealed).toContainText(SHARED_NIK);
  await expect(revealed).toContainText("Contoh Warga Satu");
  await revealed.getByRole("button", { name: "Sembunyikan" }).click();
  await expect(page.getByTestId("revealed")).toHaveCount(0);

  // The cross-programme aggregates name the combination, not the residents.
  await expect(page.getByTestId("cross-combinations")).toContainText("Pak Kur + Payo Beladas");

  // The NIK never travelled in a URL, with or without its spaces.
  for (const url of [...urls, page.url()]) {
    expect(url).not.toContain(SHARED_NIK);
    expect(decodeURIComponent(url).replace(/\s|\+/g, "")).not.toContain(SHARED_NIK);
  }

  // The API: masked answer, specific 422, and the impact aggregates without any NIK.
  const api = await page.request.post("/api/v1/residents/lookup", { headers: SAME_ORIGIN, data: { nik: SHARED_NIK } });
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.maskedNik).toBe("181106******0003");
  expect(JSON.stringify(body)).not.toMatch(SIXTEEN_DIGITS);
  const invalid = await page.request.post("/api/v1/residents/lookup", {
    headers: SAME_ORIGIN,
    data: { nik: "181106450685000" },
  });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).error.fields[0]).toMatchObject({ field: "nik" });

  const payo = body.programmes.find((p: { innovationName: string }) => p.innovationName === "Payo Beladas");
  const impact = await page.request.get(`/api/v1/innovations/${payo.innovationId}/impact?year=2024`);
  expect(impact.status()).toBe(200);
  const figures = await impact.json();
  expect(figures.totals.residents).toBeGreaterThan(0);
  expect(JSON.stringify(figures)).not.toMatch(SIXTEEN_DIGITS);

  // The beneficiaries tab shows the impact charts with a year selector.
  await page.goto(`/innovations/${payo.innovationId}?tab=beneficiaries`);
  const section = page.getByTestId("impact");
  await expect(section).toBeVisible();
  await expect(page.getByTestId("impact-by-month").locator("svg.recharts-surface").first()).toBeVisible();
  await page.getByTestId("impact-year").selectOption("2024");
  await expect(page).toHaveURL(/impactYear=2024/);
  await expect(
    section.getByText(figures.totals.records.toLocaleString("id-ID"), { exact: true }).first(),
  ).toBeVisible();
  expect(await page.locator("main").innerText()).not.toMatch(SIXTEEN_DIGITS);
});

test("a leader sees impact charts on the dashboard (their home), never a NIK, and cannot look residents up", async ({
  page,
}) => {
  await signedInAs(page, "pimpinan@demo.local");
  await expect(page).toHaveURL(/\/dashboard/);
  for (const chart of ["chart-innovations", "chart-month", "chart-overlap"]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible();
  }
  await expect(page.getByTestId("chart-innovations")).toContainText("Payo Beladas");
  expect(await page.locator("body").innerText()).not.toMatch(SIXTEEN_DIGITS);
  expect(await page.content()).not.toContain(SHARED_NIK);

  const lookup = await page.request.post("/api/v1/residents/lookup", {
    headers: SAME_ORIGIN,
    data: { nik: SHARED_NIK },
  });
  expect(lookup.status()).toBe(403);
  const residents = await page.goto("/residents");
  expect(residents?.status()).toBe(403);
});

test("an admin reveals through the API and the audit trail records look-ups and reveals without the NIK", async ({
  page,
}) => {
  await signedInAs(page, "admin@demo.local");
  const lookup = await (
    await page.request.post("/api/v1/residents/lookup", { headers: SAME_ORIGIN, data: { nik: SHARED_NIK } })
  ).json();
  const missing = await page.request.post("/api/v1/residents/lookup", {
    headers: SAME_ORIGIN,
    data: { nik: "1811015505950009" },
  });
  expect((await missing.json()).found).toBe(false);
  const reveal = await page.request.post(`/api/v1/residents/${lookup.resident.id}/reveal`, {
    headers: SAME_ORIGIN,
    data: { fields: ["nik"], reason: "Audit e2e" },
  });
  expect(reveal.status()).toBe(200);
  expect(await reveal.json()).toMatchObject({ nik: SHARED_NIK, name: null, maskedNik: "181106******0003" });
  const withNik = await page.request.post(`/api/v1/residents/${lookup.resident.id}/reveal`, {
    headers: SAME_ORIGIN,
    data: { reason: `cek ${SHARED_NIK}` },
  });
  expect(withNik.status()).toBe(422);
  expect(JSON.stringify(await withNik.json())).not.toContain(SHARED_NIK);

  await page.goto("/admin/audit?entity=resident");
  const main = page.locator("main");
  await expect(main).toContainText("Warga dicari");
  await expect(main).toContainText("NIK dan nama warga dibuka");
  expect(await main.innerText()).not.toMatch(SIXTEEN_DIGITS);
  expect(await page.content()).not.toContain(SHARED_NIK);
});
