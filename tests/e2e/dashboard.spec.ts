import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const SIXTEEN_DIGITS = /\d{16}/;
const SLOW = { timeout: 30_000 };

test.setTimeout(120_000);

test("a leader filters the dashboard by year, drills from a kecamatan to its desa, and sees only aggregates", async ({
  page,
}) => {
  await signIn(page, "pimpinan@demo.local");
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  const filters = page.getByTestId("dashboard-filters");
  await filters.getByLabel("Tahun").selectOption("2023");
  await expect(page).toHaveURL(/year=2023/, SLOW);
  await expect(page.getByTestId("active-filters")).toContainText("Tahun 2023", SLOW);
  for (const chart of ["chart-month", "chart-kecamatan", "chart-pyramid", "chart-innovations", "chart-overlap"]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface").last()).toBeVisible(SLOW);
  }
  // Drill down: a kecamatan bar's link narrows every chart to it and lists only its desa.
  // The first bar is the first kecamatan by code, Mesuji (18.11.01).
  const name = "Mesuji";
  await page.getByTestId("chart-kecamatan").locator(".recharts-bar-rectangle").first().click();
  await expect(page).toHaveURL(/kecamatan=18\.11\.01/, SLOW);
  await expect(page.getByTestId("active-filters")).toContainText(name, SLOW);
  const groups = page.getByTestId("desa-heat-table").locator("th[scope=colgroup]");
  await expect(groups).toHaveCount(1);
  await expect(groups.first()).toHaveText(name);
  expect(await page.locator("body").innerText()).not.toMatch(SIXTEEN_DIGITS);
  // The CSV of a chart is what its table shows.
  const download = page.waitForEvent("download");
  await page.getByTestId("chart-kecamatan").getByRole("button", { name: "Unduh CSV" }).click();
  expect((await download).suggestedFilename()).toBe("dasbor-per-kecamatan.csv");
});

test("every signed-in role may open the dashboard, and a bad filter is explained", async ({ page }) => {
  await signIn(page, "opd@demo.local");
  await expect(page.getByTestId("role-intro")).toBeVisible(SLOW);
  const res = await page.goto("/dashboard?kecamatan=Mesuji");
  expect(res?.status()).toBe(200);
  await expect(page.locator("main").getByRole("alert")).toContainText("kode Kemendagri", SLOW);
});
