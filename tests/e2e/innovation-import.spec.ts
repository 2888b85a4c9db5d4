import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { signedInAs } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-import-"));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("Bappeda staff download the template, check a filled copy and import it", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations/import");
  await expect(page.getByRole("heading", { name: "Impor inovasi", level: 1 })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh templat (XLSX)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("templat-impor-inovasi.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet("Inovasi")!;
  expect(String(sheet.getCell("A2").value)).toContain("[CONTOH]");
  sheet.spliceRows(2, 1);
  sheet.addRow([
    "E2E Impor Satu",
    "DINKES",
    "Ringkasan.",
    "Uji coba",
    "asn",
    "Tim",
    "Digital",
    "",
    "",
    "Kesehatan",
    "",
    "01/02/2024",
    "",
    "",
    "",
    "",
    "",
    2024,
  ]);
  sheet.addRow([
    "E2E Impor Dua",
    "Dinas Sosial",
    "",
    "penerapan",
    "",
    "",
    "",
    "",
    "",
    "sosial",
    "pendidikan",
    new Date(Date.UTC(2023, 0, 2)),
    new Date(Date.UTC(2023, 5, 1)),
    "",
    "",
    "",
    "",
    2023,
  ]);
  const filled = path.join(dir, "terisi.xlsx");
  await workbook.xlsx.writeFile(filled);

  const upload = page.getByLabel("Berkas XLSX atau CSV");
  await upload.setInputFiles(filled);
  await page.getByRole("button", { name: "Periksa (uji coba)" }).click();
  await expect(page.getByRole("heading", { name: "Hasil pemeriksaan" })).toBeVisible();
  await expect(page.getByText("Ini uji coba: belum ada yang disimpan.")).toBeVisible();
  await expect(page.getByTestId("import-total-create")).toContainText("2");
  await expect(page.getByTestId("import-row-2")).toContainText("Baru");

  await page.getByRole("button", { name: "Impor", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Hasil impor" })).toBeVisible();
  await expect(page.getByText("Impor selesai: 2 inovasi baru, 0 diperbarui, 0 tidak berubah.")).toBeVisible();

  // The same file again changes nothing: both rows are matched, not duplicated.
  await page.getByRole("button", { name: "Impor berkas lain" }).click();
  await page.getByLabel("Berkas XLSX atau CSV").setInputFiles(filled);
  await page.getByRole("button", { name: "Periksa (uji coba)" }).click();
  await expect(page.getByTestId("import-total-unchanged")).toContainText("2");
  await expect(page.getByText("Semua baris sama dengan isi katalog")).toBeVisible();
  await expect(page.getByRole("button", { name: "Impor", exact: true })).toHaveCount(0);
});

test("a file with a bad row cannot be imported, and a file that is not XLSX is refused whole", async ({ page }) => {
  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations/import");
  const csv = path.join(dir, "buruk.csv");
  fs.writeFileSync(
    csv,
    "\uFEFFnama_inovasi;perangkat_daerah;tahapan;tahun\r\nE2E Baik;DINKES;Inisiatif;2024\r\nE2E Buruk;Dinas Antah;Inisiatif;2024\r\n",
  );
  await page.getByLabel("Berkas XLSX atau CSV").setInputFiles(csv);
  await page.getByRole("button", { name: "Periksa (uji coba)" }).click();
  const bad = page.getByTestId("import-row-3");
  await expect(bad).toContainText("Ditolak");
  await expect(bad).toContainText('Perangkat daerah "Dinas Antah" tidak dikenal');
  await expect(page.getByTestId("import-row-2")).toHaveCount(0); // only rejected rows are shown at first
  await expect(page.getByRole("button", { name: "Impor", exact: true })).toHaveCount(0);

  const fake = path.join(dir, "palsu.xlsx");
  fs.writeFileSync(fake, "bukan excel");
  await page.getByLabel("Berkas XLSX atau CSV").setInputFiles(fake);
  await page.getByRole("button", { name: "Periksa (uji coba)" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Berkas ditolak" })).toContainText(
    "isinya bukan berkas Excel",
  );
});

test("roles without innovation.write can neither open the page nor call the API", async ({ page }) => {
  await signedInAs(page, "evaluator@demo.local");
  const pageResponse = await page.goto("/innovations/import");
  expect(pageResponse?.status()).toBe(403);
  const api = await page.request.post("/api/v1/innovations/import?dryRun=true", {
    multipart: { file: { name: "x.csv", mimeType: "text/csv", buffer: Buffer.from("nama_inovasi;opd\nA;DINKES\n") } },
  });
  expect(api.status()).toBe(403);
  expect((await page.request.get("/api/v1/innovations/import/template")).status()).toBe(403);
});
