import { expect, test } from "@playwright/test";
import { signIn, signedInAs } from "./helpers";

const SLOW = { timeout: 30_000 };

test.setTimeout(120_000);

test("a leader reads the IGA ranks 155 → 36 → 16 with their sources, and cannot edit", async ({ page }) => {
  await signIn(page, "pimpinan@demo.local");
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);
  await page.getByTestId("main-nav").getByRole("link", { name: "Tren IGA", exact: true }).click();
  await expect(page).toHaveURL(/\/trends$/, SLOW);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tren peringkat IGA");
  for (const [year, rank] of [
    ["2021", "155"],
    ["2022", "36"],
    ["2023", "16"],
  ]) {
    await expect(page.getByTestId(`national-${year}`)).toHaveText(rank);
  }
  await expect(page.getByTestId("source-2022")).toHaveText("Kepmendagri 400.10.11-6301/2022");
  await expect(page.getByTestId("result-2023")).toContainText("Kabupaten Terinovatif");
  // No index was published: the cell says so, nothing is made up.
  await expect(page.getByTestId("result-2021").locator("td").nth(2)).toHaveText("—");
  for (const chart of ["chart-rank", "chart-index"]) {
    await expect(page.getByTestId(chart).locator("svg.recharts-surface").first()).toBeVisible(SLOW);
  }
  await expect(page.getByTestId("nearest-rules")).toContainText("2021, 2022");
  await expect(page.getByTestId("peers-empty")).toBeVisible();
  await expect(page.getByTestId("result-editor")).toHaveCount(0);
  await expect(page.getByTestId("peer-editor")).toHaveCount(0);
  // The chart's table view and CSV hold the same ranks.
  await page.getByTestId("chart-rank").getByText("Tampilkan sebagai tabel").click();
  await expect(page.getByTestId("chart-rank").locator("table")).toContainText("155");
  const download = page.waitForEvent("download");
  await page.getByTestId("chart-rank").getByRole("button", { name: "Unduh CSV" }).click();
  expect((await download).suggestedFilename()).toBe("tren-peringkat-iga.csv");
});

test("Bappeda corrects a year; a save over someone else's change is refused in Indonesian", async ({
  page,
  context,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/trends");
  const editor = page.getByTestId("result-editor");
  await editor.getByTestId("edit-year").selectOption("2024");
  // A second tab opened on the same version, to save after this one.
  const other = await context.newPage();
  await other.goto("/trends");
  await other.getByTestId("edit-year").selectOption("2024");

  await editor.getByLabel("Peringkat nasional").fill("20");
  await editor.getByLabel("Sumber").fill("https://example.go.id/iga-2024");
  await editor.getByTestId("edit-save").click();
  await expect(editor.getByRole("status")).toHaveText("Hasil tahun tersebut tersimpan.", SLOW);
  await expect(page.getByTestId("national-2024")).toHaveText("20", SLOW);
  await expect(page.getByTestId("source-2024").getByRole("link")).toHaveText("example.go.id");

  await other.getByTestId("result-editor").getByLabel("Peringkat nasional").fill("21");
  await other.getByTestId("edit-save").click();
  await expect(other.getByTestId("result-editor").getByRole("alert")).toContainText("sudah diubah orang lain", SLOW);
  await other.reload();
  await expect(other.getByTestId("national-2024")).toHaveText("20");
});

test("Bappeda adds a comparison region, which the rank chart draws", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/trends");
  const editor = page.getByTestId("peer-editor");
  await editor.getByTestId("peer-region").fill("Kabupaten Tulang Bawang, Lampung (18.05)");
  await editor.getByTestId("peer-year").fill("2023");
  await editor.getByTestId("peer-national").fill("40");
  await editor.getByTestId("peer-source").fill("Contoh e2e (bukan data resmi)");
  await editor.getByTestId("peer-save").click();
  await expect(editor.getByRole("status")).toHaveText("Data pembanding tersimpan.", SLOW);
  await expect(page.getByTestId("peers-table")).toContainText("Kabupaten Tulang Bawang");
  await expect(page.getByTestId("chart-rank")).toContainText("Kabupaten Tulang Bawang");
});

test("on a 390 px phone the trend page does not scroll sideways", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/trends");
  await expect(page.getByTestId("chart-index").locator("svg.recharts-surface").first()).toBeVisible(SLOW);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
