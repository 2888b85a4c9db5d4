import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { signedInAs } from "./helpers";

/** The number in "110 inovasi". */
async function shownTotal(page: Page): Promise<number> {
  // The URL follows a control at once; the rows and the total follow when the server has answered.
  await expect(page.getByTestId("innovation-table")).toHaveAttribute("aria-busy", "false");
  const text = (await page.getByTestId("innovation-total").textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}
/** The count in a filter option such as "Uji coba (13)". */
async function optionCount(page: Page, filter: string, label: string): Promise<number> {
  const text = await page
    .getByRole("combobox", { name: filter, exact: true })
    .locator("option", { hasText: label })
    .first()
    .textContent();
  return Number(/\((\d+)\)$/.exec(text ?? "")?.[1]);
}
const stage = (page: Page) => page.getByRole("combobox", { name: "Tahapan", exact: true });
const type = (page: Page) => page.getByRole("combobox", { name: "Jenis", exact: true });

test("filters live in the URL: they survive a reload and the back button walks back through them", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations");
  const all = await shownTotal(page);
  expect(all).toBeGreaterThanOrEqual(110);
  await expect(page.getByTestId("sample-badge").first()).toHaveText("Contoh");

  const trials = await optionCount(page, "Tahapan", "Uji coba");
  await stage(page).selectOption("uji_coba");
  await expect(page).toHaveURL(/stage=uji_coba/);
  await expect(page.getByTestId("innovation-total")).toHaveText(`${trials} inovasi`);

  const digitalTrials = await optionCount(page, "Jenis", "Digital");
  await type(page).selectOption("digital");
  await expect(page).toHaveURL(/stage=uji_coba.*innovationType=digital|innovationType=digital.*stage=uji_coba/);
  await expect(page.getByTestId("innovation-total")).toHaveText(`${digitalTrials} inovasi`);
  for (const cell of await page.locator("tbody td:nth-child(3)").allTextContents()) expect(cell).toBe("Uji coba");

  await page.getByRole("button", { name: "Tahun", exact: true }).click();
  await expect(page).toHaveURL(/sort=yearApplied/);
  await expect(page.locator("th[data-column=yearApplied]")).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("button", { name: "Tahun", exact: true }).click();
  await expect(page).toHaveURL(/dir=desc/);
  await expect(page.locator("th[data-column=yearApplied]")).toHaveAttribute("aria-sort", "descending");
  const years = (await page.locator("tbody td:nth-child(5)").allTextContents()).map(Number);
  expect(years).toEqual([...years].sort((a, b) => b - a));

  await page.reload();
  await expect(stage(page)).toHaveValue("uji_coba");
  await expect(type(page)).toHaveValue("digital");
  await expect(page.getByTestId("innovation-total")).toHaveText(`${digitalTrials} inovasi`);
  await expect(page.locator("th[data-column=yearApplied]")).toHaveAttribute("aria-sort", "descending");

  await page.goBack(); // descending → ascending
  await page.goBack(); // ascending → unsorted
  await expect(page.locator("th[data-column=yearApplied]")).toHaveAttribute("aria-sort", "none");
  await page.goBack(); // digital → any type
  await expect(page).not.toHaveURL(/innovationType/);
  await expect(type(page)).toHaveValue("");
  await expect(page.getByTestId("innovation-total")).toHaveText(`${trials} inovasi`);
  await page.goBack();
  await expect(page).not.toHaveURL(/stage=/);
  await expect(page.getByTestId("innovation-total")).toHaveText(`${all} inovasi`);
});

test("the search box follows typing and a shared link opens the same view", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations");
  await page.locator("#q").fill("desa");
  await expect(page).toHaveURL(/q=desa/);
  const found = await shownTotal(page);
  await expect(page.getByTestId("innovation-total")).not.toHaveText(/^121 /);
  const url = page.url();
  await page.goto("/innovations");
  await page.goto(url);
  await expect(page.locator("#q")).toHaveValue("desa");
  expect(await shownTotal(page)).toBe(found);
  await page.getByText("Hapus semua saringan").click();
  await expect(page).not.toHaveURL(/q=/);
  await expect(page.locator("#q")).toHaveValue("");
});

test("export this view downloads a CSV with exactly the rows of the filtered view", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations?stage=penerapan&sort=name");
  const total = await shownTotal(page);
  expect(total).toBeGreaterThan(25); // more than one page: the export is the whole view, not the page
  const firstName = await page.locator("tbody tr").first().getByRole("link").textContent();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ekspor tampilan ini (CSV)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^inovasi-mesuji-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows: Record<string, string>[] = parse(fs.readFileSync(await download.path(), "utf8"), {
    bom: true,
    columns: true,
  });
  expect(rows).toHaveLength(total);
  expect(rows[0].nama_inovasi).toBe(firstName);
  expect(new Set(rows.map((r) => r.tahapan))).toEqual(new Set(["penerapan"]));

  const [xlsx] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Ekspor tampilan ini (XLSX)" }).click(),
  ]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
});

test("columns can be hidden and the choice is kept in the URL; pages and page size work", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations");
  await expect(page.locator("th[data-column=agency]")).toBeVisible();
  await page.getByTestId("column-menu").locator("summary").click();
  const menu = page.getByTestId("column-menu");
  await menu.getByRole("checkbox", { name: "Perangkat daerah" }).click();
  await expect(menu.getByRole("checkbox", { name: "Perangkat daerah" })).not.toBeChecked();
  await expect(page.locator("th[data-column=agency]")).toHaveCount(0);
  await menu.getByRole("checkbox", { name: "Diperbarui" }).click();
  await expect(menu.getByRole("checkbox", { name: "Diperbarui" })).toBeChecked();
  await expect(page.locator("th[data-column=updatedAt]")).toBeVisible();
  await expect(page).toHaveURL(/cols=/);
  await page.keyboard.press("Escape");
  await expect(menu.getByRole("checkbox", { name: "Diperbarui" })).toBeHidden();
  await page.reload();
  await expect(page.locator("th[data-column=agency]")).toHaveCount(0);
  await expect(page.locator("th[data-column=updatedAt]")).toBeVisible();

  const total = await shownTotal(page);
  await page.getByLabel("Baris per halaman").selectOption("50");
  await expect(page.getByTestId("page-range")).toHaveText(`1–50 dari ${total}`);
  await expect(page.locator("tbody tr")).toHaveCount(50);
  await page.getByRole("link", { name: "Halaman berikutnya" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("page-range")).toHaveText(`51–${Math.min(100, total)} dari ${total}`);
  await expect(page.locator("th[data-column=agency]")).toHaveCount(0);
});

test("archived innovations are hidden unless asked for; coverage shows the basic-service affairs", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations");
  const live = await shownTotal(page);
  await page.getByLabel("Tampilkan juga yang diarsipkan").check();
  await expect(page).toHaveURL(/includeArchived=true/);
  expect(await shownTotal(page)).toBeGreaterThanOrEqual(live);

  const coverage = page.getByTestId("coverage");
  await expect(coverage.getByRole("heading", { name: "Cakupan katalog" })).toBeVisible();
  await expect(page.getByTestId("coverage-basic").locator("li[data-affair]")).toHaveCount(6);
  await expect(page.getByTestId("coverage-missing")).toBeVisible();
  await coverage
    .getByTestId("coverage-stage")
    .getByRole("link", { name: /Penerapan/ })
    .click();
  await expect(page).toHaveURL(/stage=penerapan/);
  await expect(stage(page)).toHaveValue("penerapan");
});

test("agency staff land on their own agency's innovations, see the whole region's one click away, and may add innovations", async ({
  page,
}) => {
  await signedInAs(page, "opd@demo.local");
  await page.goto("/innovations");
  await expect(page).toHaveURL(/agencyId=/);
  await page.getByRole("link", { name: "Semua inovasi" }).click();
  await expect(page).toHaveURL(/scope=all/);
  await expect.poll(() => shownTotal(page)).toBeGreaterThanOrEqual(110);
  await expect(page.getByRole("link", { name: "Tambah inovasi" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Pak Kur" })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the filters fold away behind one button and still filter the list", async ({ page }) => {
    await signedInAs(page, "bappeda@demo.local");
    await page.goto("/innovations");
    await expect(page.locator("#q")).toBeVisible();
    await expect(stage(page)).toBeHidden();
    await page.getByRole("button", { name: "Tampilkan saringan (0 aktif)" }).click();
    const initiatives = await optionCount(page, "Tahapan", "Inisiatif");
    await stage(page).selectOption("inisiatif");
    await expect(page).toHaveURL(/stage=inisiatif/);
    await expect(page.getByTestId("innovation-total")).toHaveText(`${initiatives} inovasi`);
    await page.getByRole("button", { name: "Sembunyikan saringan" }).click();
    await expect(page.getByRole("button", { name: "Tampilkan saringan (1 aktif)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ekspor tampilan ini (CSV)" })).toBeVisible();
  });
});

test("the export endpoint answers bad input with a JSON 422 in the reader's language, and strangers with 401", async ({
  page,
  browser,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  for (const [language, message] of [
    ["id", "Format ekspor harus csv atau xlsx."],
    ["en", "The export format must be csv or xlsx."],
  ]) {
    const bad = await page.request.get("/api/v1/innovations/export?format=pdf&stage=penerapan", {
      headers: { "Accept-Language": language },
    });
    expect(bad.status()).toBe(422);
    const body = await bad.json();
    expect(body.error.fields).toEqual([{ field: "format", message }]);
  }
  const ok = await page.request.get("/api/v1/innovations/export?format=csv&q=Payo");
  expect(ok.headers()["content-type"]).toContain("text/csv");
  expect(ok.headers()["x-total-count"]).toBe("1");

  const stranger = await browser.newContext();
  const anonymous = await stranger.request.get(new URL("/api/v1/innovations/export?format=csv", page.url()).href);
  expect(anonymous.status()).toBe(401);
  expect((await anonymous.json()).error.code).toBeTruthy();
  await stranger.close();
});
