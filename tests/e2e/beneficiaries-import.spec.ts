import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signedInAs, tokenFor } from "./helpers";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "e2e-beneficiaries-"));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A Payo Beladas counter export as Indonesian Excel writes it: BOM, ";" and CRLF, mixed date styles.
const LINES = [
  "NIK;Nama Lengkap;Tgl Layanan;Jenis Layanan;Kode Desa;Nilai",
  "1811010101809701;Warga Uji Satu;2024-01-15;Akta Kelahiran;18.11.01.2001;",
  "1811014508909702;Warga Uji Dua;15/02/2024;KTP-el;1811012002;",
  '1811021203759703;"Warga; Uji Tiga";2024-03-01;Kartu Keluarga;18.11.02.2001;',
  "1811010101809701;Warga Uji Satu;2024-01-15;Akta Kelahiran;18.11.01.2001;",
  "1.81101E+15;Rusak Excel;2024-01-20;KTP-el;;",
  "1811010101809706;Tanggal Salah;31/02/2024;KTP-el;;",
];

test("Bappeda imports a Payo Beladas file, downloads the rejected rows, and a re-upload is not double counted", async ({
  page,
}) => {
  const file = path.join(dir, "payo-beladas-januari.csv");
  fs.writeFileSync(file, `\uFEFF${LINES.join("\r\n")}\r\n`);
  const NIKS = ["1811010101809701", "1811014508909702", "1811021203759703"];

  await signedInAs(page, "bappeda@demo.local");
  await page.goto("/innovations?q=Payo%20Beladas");
  await page.getByRole("link", { name: "Payo Beladas" }).first().click();
  await page.getByRole("tab", { name: /Penerima manfaat/ }).click();
  await expect(page.getByRole("heading", { name: "Impor data penerima manfaat" })).toBeVisible();

  // Dry run: the report lists the rejected rows with row numbers (the header is row 1).
  await page.getByLabel("Berkas CSV atau XLSX").setInputFiles(file);
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByRole("heading", { name: "Hasil pemeriksaan (belum disimpan)" })).toBeVisible({
    timeout: 30_000,
  });
  const report = page.getByTestId("beneficiary-report");
  await expect(report.getByTestId("count-rows")).toHaveText("6");
  await expect(report.getByTestId("count-accepted")).toHaveText("3");
  await expect(report.getByTestId("count-duplicates")).toHaveText("1");
  await expect(report.getByTestId("count-rejected")).toHaveText("2");
  const rejected = report.getByRole("table");
  await expect(rejected.getByRole("row").nth(1)).toContainText("6");
  await expect(rejected.getByRole("row").nth(1)).toContainText("NIK rusak oleh format angka Excel");
  await expect(rejected.getByRole("row").nth(2)).toContainText("7");
  // No NIK on the page: messages are fixed texts.
  for (const nik of NIKS) await expect(page.locator("body")).not.toContainText(nik);

  // Import (default mode: the valid rows are written, the rest reported).
  await page.getByRole("button", { name: "Impor sekarang" }).click();
  await expect(page.getByRole("heading", { name: "Hasil impor" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("3 catatan baru disimpan.")).toBeVisible();

  // The rejected rows download as CSV with a reason column, to fix and upload again.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Unduh baris yang ditolak (CSV)" }).first().click(),
  ]);
  const csv = fs.readFileSync(await download.path(), "utf8");
  expect(csv).toContain("1.81101E+15");
  expect(csv.split(/\r?\n/)[0]).toContain("alasan_penolakan");
  expect(csv.trim().split(/\r?\n/)).toHaveLength(3);

  // The history lists the import with its counts.
  const history = page.getByTestId("beneficiary-batches");
  await expect(history.getByRole("row", { name: /payo-beladas-januari\.csv/ }).first()).toContainText("Selesai");

  // The same file again: every valid row is a duplicate, nothing is counted twice.
  await page.getByRole("button", { name: "Impor berkas lain" }).click();
  await page.getByLabel("Berkas CSV atau XLSX").setInputFiles(file);
  await page.getByRole("button", { name: "Periksa berkas" }).click();
  await expect(page.getByRole("heading", { name: "Hasil pemeriksaan (belum disimpan)" })).toBeVisible({
    timeout: 30_000,
  });
  await expect(report.getByTestId("count-accepted")).toHaveText("0");
  await expect(report.getByTestId("count-duplicates")).toHaveText("4");
  await expect(page.getByText("Tidak ada catatan baru untuk diimpor.")).toBeVisible();

  // After a reload the history is still there (batches live on the server).
  await page.reload();
  await expect(
    page.getByTestId("beneficiary-batches").getByRole("row", { name: /payo-beladas-januari\.csv/ }),
  ).toHaveCount(1);
});

test("a leader sees no import panel", async ({ page }) => {
  await signedInAs(page, "pimpinan@demo.local");
  await page.goto("/innovations?q=Payo%20Beladas");
  await page.getByRole("link", { name: "Payo Beladas" }).first().click();
  await page.getByRole("tab", { name: /Penerima manfaat/ }).click();
  await expect(page.getByRole("tabpanel")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Impor data penerima manfaat" })).toHaveCount(0);
});

test("an agency system sends service records over the API: CSV dry run, JSON with Idempotency-Key replay and 409", async ({
  page,
}) => {
  await signedInAs(page, "admin@demo.local");
  const token = await tokenFor(page, "bappeda@demo.local", "Loket Payo Beladas");
  await page.goto("/innovations?q=Payo%20Beladas");
  await page.getByRole("link", { name: "Payo Beladas" }).first().click();
  await page.waitForURL(/\/innovations\/[0-9a-f-]{36}/);
  const id = /\/innovations\/([0-9a-f-]{36})/.exec(page.url())![1];
  const headers = { authorization: `Bearer ${token}`, "accept-language": "en" };

  const csv = await page.request.post(`/api/v1/innovations/${id}/beneficiaries/import?dryRun=true`, {
    headers: { ...headers, "content-type": "text/csv" },
    data: "nik,tanggal_layanan,jenis_layanan\n1811050505809801,2024-05-05,KTP-el\n18110505058098,2024-05-05,KTP-el\n",
  });
  expect(csv.status()).toBe(200);
  const report = await csv.json();
  expect(report).toMatchObject({ dryRun: true, rows: 2, accepted: 1, duplicates: 0, rejected: 1 });
  expect(report.errors).toEqual([
    { row: 3, column: "nik", code: "nik_length", message: "NIK must have exactly 16 digits" },
  ]);

  // Headers it cannot map: 422 naming the file's own headers, for a `columns` mapping.
  const unmapped = await page.request.post(`/api/v1/innovations/${id}/beneficiaries/import?dryRun=true`, {
    headers: { ...headers, "content-type": "text/csv" },
    data: "No. Identitas,Tgl\n1811050505809801,2024-05-05\n",
  });
  expect(unmapped.status()).toBe(422);
  expect((await unmapped.json()).error).toMatchObject({
    code: "records_missing_columns",
    headers: ["No. Identitas", "Tgl"],
  });

  const body = {
    records: [
      { nik: "1811050505809802", tanggal_layanan: "2024-05-06", jenis_layanan: "KTP-el", kode_desa: "18.11.05.2001" },
    ],
  };
  const first = await page.request.post(`/api/v1/innovations/${id}/service-records`, {
    headers: { ...headers, "idempotency-key": "loket-2024-05-06" },
    data: body,
  });
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ accepted: 1, duplicates: 0 });
  const replay = await page.request.post(`/api/v1/innovations/${id}/service-records`, {
    headers: { ...headers, "idempotency-key": "loket-2024-05-06" },
    data: body,
  });
  expect(replay.headers()["idempotency-replayed"]).toBe("true");
  expect(await replay.json()).toEqual(await first.json());
  const other = await page.request.post(`/api/v1/innovations/${id}/service-records`, {
    headers: { ...headers, "idempotency-key": "loket-2024-05-06" },
    data: { records: [{ ...body.records[0], jenis_layanan: "Kartu Keluarga" }] },
  });
  expect(other.status()).toBe(409);
  expect((await other.json()).error.code).toBe("idempotency_conflict");
});
