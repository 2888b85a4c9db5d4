import { expect, type Page, test } from "@playwright/test";
import { samplePdf } from "../../lib/iga/sample-pdf";
import { signedInAs, SAME_ORIGIN } from "./helpers";

/** The index as shown ("61,32" in Indonesian) as a number. */
async function shownIndex(page: Page): Promise<number> {
  const text = (await page.getByTestId("iga-index").innerText()).trim();
  return Number(text.replace(/\./g, "").replace(",", "."));
}

test.describe.configure({ mode: "serial", timeout: 240_000 });

const FILE_NAME = "sk-bukti-e2e.pdf";
let fixUrl = "";
let indicatorCode = "";

test("Bappeda sees the 2023 estimate and to-do list, uploads a PDF on an innovation's indicators tab, and the estimate follows", async ({
  page,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.getByRole("link", { name: "Indeks IGA" }).first().click();
  // The IGA pages open on the latest active year (2026); 2023 is one click away.
  await expect(page).toHaveURL(/\/iga\/2026$/);
  await page.getByRole("link", { name: "2023", exact: true }).click();
  await expect(page).toHaveURL(/\/iga\/2023$/);
  await expect(page.getByRole("heading", { level: 1, name: "Indeks Inovasi Daerah 2023" })).toBeVisible();
  const before = await shownIndex(page);
  expect(before).toBeGreaterThan(35);
  await expect(page.getByTestId("iga-category")).not.toHaveText("");
  await expect(page.getByTestId("meter-spd")).toContainText("dari 63");
  await expect(page.getByTestId("meter-sid")).toContainText("dari 111");
  await expect(page.getByTestId("meter-count")).toContainText("dari 76");
  await expect(page.getByTestId("todo-item").first()).toContainText(/\+\d+,\d{2} poin/);

  // The whole list: the first step on an innovation that is missing its evidence.
  await page.goto("/iga/2023?todo=all");
  const step = page
    .getByTestId("todo-item")
    .filter({ hasText: "Unggah data dukung untuk level" })
    .filter({ hasNotText: "Tingkat daerah" })
    .first();
  const stepText = await step.innerText();
  indicatorCode = /· ((?:INV|SPD)-[\w]+)/.exec(stepText)![1];
  await step.getByRole("link", { name: /^Perbaiki/ }).click();
  await expect(page).toHaveURL(/\/innovations\/[0-9a-f-]+\?tab=indicators/, { timeout: 30_000 });
  fixUrl = page.url().replace(/#.*$/, "");
  await expect(page.getByTestId("indicators-tab")).toBeVisible();

  const card = page.getByTestId(`indicator-${indicatorCode}`);
  await expect(card.getByTestId("zero-reason")).toHaveText("Tanpa data dukung — skor 0");
  await card.getByText("Tambah data dukung").click();
  await card
    .getByLabel("Berkas", { exact: true })
    .setInputFiles({
      name: FILE_NAME,
      mimeType: "application/pdf",
      buffer: samplePdf(["Bukti uji e2e", indicatorCode]),
    });
  await card.getByLabel("Nomor surat").fill("188/45/IV.04/2023");
  await card.getByLabel("Tanggal surat").fill("2023-04-12");
  await card.getByLabel("Tentang").fill("Bukti uji e2e");
  await card.getByRole("button", { name: "Unggah" }).click();
  await expect(card.getByText("Data dukung ditambahkan.")).toBeVisible();
  await expect(card.getByRole("link", { name: `Buka ${FILE_NAME}` })).toBeVisible();
  await expect(card.getByTestId("zero-reason")).toHaveCount(0);

  // A text file named .pdf is refused with a clear message and nothing is added.
  await card
    .getByLabel("Berkas", { exact: true })
    .setInputFiles({ name: "palsu.pdf", mimeType: "application/pdf", buffer: Buffer.from("ini bukan PDF\n") });
  await card.getByRole("button", { name: "Unggah" }).click();
  await expect(card.getByText(/Isi berkas bukan PDF, JPG atau PNG/)).toBeVisible();
  await expect(card.getByTestId("evidence-item")).toHaveCount(1);

  await page.goto("/iga/2023?todo=all");
  const after = await shownIndex(page);
  expect(after).toBeGreaterThan(before);
  // The step is done: no step on this innovation's indicator asks for its evidence any more.
  const innovationName = stepText
    .split(" · ")[0]
    .replace(/^\+[\d,]+ poin\s*/, "")
    .trim();
  await expect(
    page
      .getByTestId("todo-item")
      .filter({ hasText: innovationName })
      .filter({ hasText: `${indicatorCode} ` })
      .filter({ hasText: "Unggah data dukung untuk level" }),
  ).toHaveCount(0);
});

test("an evaluator marks the new evidence as needing work, and the innovation's page shows the comment", async ({
  page,
}) => {
  expect(fixUrl).not.toBe("");
  await signedInAs(page, "evaluator@demo.local");
  await page.goto(fixUrl);
  const card = page.getByTestId(`indicator-${indicatorCode}`);
  const piece = card.getByTestId("evidence-item").filter({ hasText: FILE_NAME });
  await piece.getByText("Periksa data dukung ini").click();
  await piece.getByLabel("Perlu perbaikan").check();
  await piece.getByRole("button", { name: "Simpan pemeriksaan" }).click();
  await expect(piece.getByText("Tuliskan catatan: apa yang perlu diperbaiki.")).toBeVisible();
  await piece.getByLabel("Catatan").fill("Lampirkan halaman yang ditandatangani.");
  await piece.getByRole("button", { name: "Simpan pemeriksaan" }).click();
  await expect(page.getByTestId("open-comments")).toContainText("Lampirkan halaman yang ditandatangani.");
  await expect(piece.getByText("Perlu perbaikan", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: /Keluar/ }).click();
  await signedInAs(page, "bappeda@demo.local");
  await page.goto(fixUrl);
  await expect(page.getByTestId("open-comments")).toContainText("Lampirkan halaman yang ditandatangani.");
  await expect(page.getByTestId(`indicator-${indicatorCode}`).getByTestId("zero-reason")).toHaveText(
    "Semua data dukung perlu perbaikan — skor 0",
  );
});

test("leaders read the estimate but cannot change levels; the API answers the score", async ({ page }) => {
  await signedInAs(page, "pimpinan@demo.local");
  await page.goto("/iga/2023");
  await expect(page.getByTestId("iga-index")).toBeVisible();
  const res = await page.request.get("/api/v1/iga/2023/score");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ year: 2023, category: expect.any(String) });
  expect(body.index).toBeCloseTo(await shownIndex(page), 2);
  await page.goto("/iga/2023/region");
  await expect(page.getByRole("button", { name: "Simpan level" })).toHaveCount(0);
  const put = await page.request.put("/api/v1/iga/2023/assessments", {
    headers: SAME_ORIGIN,
    data: { indicatorCode: "SPD-01", level: 1, version: 1 },
  });
  expect(put.status()).toBe(403);
});

test("an administrator copies 2023 into 2027 and edits a weight; a rule set that no longer adds up is refused", async ({
  page,
}) => {
  await signedInAs(page, "admin@demo.local");
  await page.goto("/iga/frameworks");
  await expect(page.getByTestId("frameworks")).toContainText("2023");
  await page.getByLabel("Ke tahun").fill("2027");
  await page.getByRole("button", { name: "Salin", exact: true }).click();
  await expect(page.getByText("Kerangka disalin sebagai draf.")).toBeVisible();
  await expect(page.getByTestId("frameworks").locator("tr", { hasText: "2027" })).toContainText("Draf");

  await page.goto("/iga/frameworks/2027");
  await page.getByLabel("Bobot INV-01").fill("4");
  await expect(page.getByTestId("max-check")).toContainText("= 253");
  await page.getByRole("button", { name: "Simpan kerangka" }).click();
  await expect(
    page.getByText("Skor maksimum daerah + inovasi + jumlah inovasi harus sama dengan nilai maksimum total."),
  ).toBeVisible();
  await page.getByLabel("Nilai maksimum total").fill("253");
  await page.getByRole("button", { name: "Simpan kerangka" }).click();
  await expect(page.getByText("Kerangka disimpan.")).toBeVisible();
  const framework = await (await page.request.get("/api/v1/iga/frameworks/2027")).json();
  expect(framework.formula.maxTotal).toBe(253);
  expect(framework.indicators.find((i: { code: string }) => i.code === "INV-01").weight).toBe(4);
  expect(framework.status).toBe("draft");

  // The same work through the API: copy 2027 into 2028, edit it with the version read, activate it.
  const copied = await page.request.post("/api/v1/iga/frameworks", {
    headers: SAME_ORIGIN,
    data: { fromYear: 2027, toYear: 2028 },
  });
  expect(copied.status()).toBe(200);
  const y2028 = await copied.json();
  expect(y2028).toMatchObject({ year: 2028, status: "draft" });
  expect(y2028.formula.maxTotal).toBe(253);
  expect(
    (
      await page.request.post("/api/v1/iga/frameworks", {
        headers: SAME_ORIGIN,
        data: { fromYear: 2027, toYear: 2028 },
      })
    ).status(),
  ).toBe(409);
  const edit = {
    version: y2028.version,
    name: "IID 2028 (uji API)",
    indicators: y2028.indicators,
    categories: y2028.categories,
    formula: y2028.formula,
  };
  const saved = await page.request.put("/api/v1/iga/frameworks/2028", { headers: SAME_ORIGIN, data: edit });
  expect(saved.status()).toBe(200);
  expect(await saved.json()).toMatchObject({ name: "IID 2028 (uji API)", version: y2028.version + 1 });
  const stale = await page.request.put("/api/v1/iga/frameworks/2028", { headers: SAME_ORIGIN, data: edit });
  expect(stale.status()).toBe(409);
  expect((await stale.json()).error.code).toBe("iga_stale_framework");
  const badTotal = await page.request.put("/api/v1/iga/frameworks/2028", {
    headers: SAME_ORIGIN,
    data: { ...edit, version: y2028.version + 1, formula: { ...y2028.formula, maxTotal: 999 } },
  });
  expect(badTotal.status()).toBe(422);
  const activated = await page.request.put("/api/v1/iga/frameworks/2028/status", {
    headers: SAME_ORIGIN,
    data: { status: "active", version: y2028.version + 1 },
  });
  expect(activated.status()).toBe(200);
  expect(await activated.json()).toMatchObject({ year: 2028, status: "active" });
  // Withdrawn again, so the pages keep opening on 2026 for the tests that follow.
  const withdrawn = await page.request.put("/api/v1/iga/frameworks/2028/status", {
    headers: SAME_ORIGIN,
    data: { status: "draft", version: y2028.version + 2 },
  });
  expect(await withdrawn.json()).toMatchObject({ year: 2028, status: "draft" });

  // An innovation's indicators tab shows the year asked for (the to-do links carry it), and
  // switches between the years' frameworks.
  expect(fixUrl).toContain("year=2023");
  await page.goto(fixUrl.replace("year=2023", "year=2024"));
  const years = page.getByTestId("indicator-years");
  await expect(years.getByRole("link", { name: "2024" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("indicators-tab")).toContainText(/Kerangka: .*2024/);
  await years.getByRole("link", { name: "2023" }).click();
  await expect(years.getByRole("link", { name: "2023" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("indicators-tab")).toContainText(/Kerangka: .*2023/);
});
