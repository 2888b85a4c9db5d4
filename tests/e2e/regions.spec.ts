import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const SLOW = { timeout: 30_000 };

test.setTimeout(120_000);

test("the province's demo user lands on the regional summary and reads Mesuji's row for 2023", async ({ page }) => {
  await signIn(page, "provinsi@demo.local");
  await expect(page).toHaveURL(/\/regions$/, SLOW);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rekap wilayah");
  await expect(page.getByText("Kabupaten/kota di Lampung berdampingan", { exact: false })).toBeVisible();
  await expect(page.getByTestId("current-user")).toContainText("Pengguna provinsi");
  const nav = page.getByTestId("main-nav");
  await expect(nav.getByRole("link", { name: "Rekap wilayah", exact: true })).toBeVisible();
  for (const label of ["Beranda", "Inovasi", "Indeks IGA", "Cari warga", "Pengguna"])
    await expect(nav.getByRole("link", { name: label, exact: true })).toHaveCount(0);

  await page.getByLabel("Tahun").selectOption("2023");
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/\/regions\?year=2023$/, SLOW);
  const mesuji = page.getByTestId("region-18.11");
  await expect(mesuji).toContainText("Kabupaten Mesuji");
  await expect(mesuji).toContainText(/\d+ dari \d+/);
  // The published national rank of 2023; no province rank was published.
  await expect(mesuji).toContainText("16 / —");
  await expect(page.getByTestId("region-totals")).toContainText("1 kabupaten/kota");
  await expect(page.getByText('di bawah 10 ditulis "<10"', { exact: false })).toBeVisible();

  // A region's own records stay closed to the roll-up role; the province is fixed, so no choice of it.
  await expect(page.getByLabel("Provinsi")).toHaveCount(0);
  const res = await page.goto("/innovations");
  expect(res?.status()).toBe(403);
});

test("the national demo user narrows the summary to one province and back", async ({ page }) => {
  await signIn(page, "nasional@demo.local");
  await expect(page).toHaveURL(/\/regions$/, SLOW);
  await expect(page.getByText("Kabupaten/kota yang memakai aplikasi ini", { exact: false })).toBeVisible();
  await page.getByLabel("Provinsi").selectOption({ label: "Lampung" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page).toHaveURL(/province=18/, SLOW);
  await expect(page.getByText("Kabupaten/kota di Lampung berdampingan", { exact: false })).toBeVisible();
  await expect(page.getByTestId("region-18.11")).toBeVisible();
  await expect(page.getByLabel("Provinsi")).toHaveValue("18");
  await page.getByLabel("Provinsi").selectOption({ label: "Semua provinsi" });
  await page.getByRole("button", { name: "Tampilkan" }).click();
  await expect(page.getByText("Kabupaten/kota yang memakai aplikasi ini", { exact: false })).toBeVisible(SLOW);
});

test.describe("at 390×844", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the regional summary does not scroll the page sideways; its table scrolls in its own box", async ({ page }) => {
    await signIn(page, "nasional@demo.local");
    await expect(page).toHaveURL(/\/regions$/, SLOW);
    await page.goto("/regions?year=2023");
    await expect(page.getByTestId("region-18.11")).toBeVisible(SLOW);
    const sideways = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(sideways).toBeLessThanOrEqual(0);
    const box = page.getByTestId("region-table-box");
    expect(await box.evaluate((el) => el.scrollWidth >= el.clientWidth)).toBe(true);
  });
});
