import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { guardedBuffer, guardXlsx, XlsxLimitError, type XlsxLimits } from "@/lib/files/xlsx-guard";
import { parseImportFile } from "@/lib/innovations/import/parse";
import { hostileXlsxBytes } from "@/tests/fixtures/hostile-xlsx";
import { caught } from "@/tests/integration/support";

const MB = 1024 * 1024;
const small: XlsxLimits = { maxUncompressedBytes: 4 * MB, maxSharedStringsBytes: 1 * MB, maxSharedStrings: 1_000 };

async function* chunks(bytes: Uint8Array, size = 16 * 1024) {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function rowsOf(bytes: Uint8Array, limits?: XlsxLimits) {
  const source = await openRecordFile(chunks(bytes), "data.xlsx", limits);
  const rows: unknown[] = [];
  for await (const row of source.rows) rows.push(row.values);
  return { header: source.header, rows };
}

describe("the XLSX guard", () => {
  it("passes an ordinary workbook through byte for byte", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Data");
    sheet.addRow(["nik", "tanggal_layanan", "jenis_layanan"]);
    for (let i = 0; i < 300; i++)
      sheet.addRow([`18110115068500${String(i).padStart(2, "0")}`, "2024-01-15", `Layanan ${i}`]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const guarded = guardXlsx(chunks(bytes), small);
    const out: Uint8Array[] = [];
    for await (const c of guarded.bytes) out.push(c);
    expect(Buffer.concat(out).equals(Buffer.from(bytes))).toBe(true);
    expect(guarded.refusal()).toBeNull();
    const read = await rowsOf(bytes, small);
    expect(read.header).toEqual(["nik", "tanggal_layanan", "jenis_layanan"]);
    expect(read.rows).toHaveLength(300);
  });

  it("refuses a zip bomb before the reader inflates it: the beneficiary import and the innovation import", async () => {
    // Empty tags: the parser keeps little, but the archive inflates past the limit.
    const tags = await hostileXlsxBytes({ fillerBytes: 64 * MB, filler: "tags" });
    expect(tags.length).toBeLessThan(MB); // 64 MB of sheet in well under 1 MB of file
    expect(await caught(rowsOf(tags, small))).toMatchObject({
      status: 422,
      code: "xlsx_too_large",
      params: { limit: "4 MB" },
    });
    expect(await caught(guardedBuffer(tags, small))).toBeInstanceOf(XlsxLimitError);
    // Under a generous limit the same file is still refused once it has inflated 200 times what was read.
    expect(await caught(rowsOf(tags, { ...small, maxUncompressedBytes: 1024 * MB }))).toMatchObject({
      code: "xlsx_compression_ratio",
      params: { limit: "200" },
    });
    // Spaces: one text the XML parser would hold whole; refused after a megabyte, whatever the limits.
    const spaces = await hostileXlsxBytes({ fillerBytes: 64 * MB });
    expect(await caught(rowsOf(spaces, { ...small, maxUncompressedBytes: 1024 * MB }))).toMatchObject({
      code: "xlsx_malformed",
      params: { limit: "1 MB" },
    });
    // The innovation import loads a workbook whole: it reads through the guard too.
    expect(await caught(parseImportFile({ name: "inovasi.xlsx", bytes: tags }))).toMatchObject({
      status: 422,
      code: "xlsx_compression_ratio",
    });
  });

  it("refuses a shared-strings table with too many texts, or too many bytes of them", async () => {
    const many = await hostileXlsxBytes({ strings: 5_000 });
    expect(await caught(rowsOf(many, small))).toMatchObject({
      code: "xlsx_too_many_strings",
      params: { limit: "1.000" },
    });
    const fewButLong = await hostileXlsxBytes({ strings: 900 });
    expect((await rowsOf(fewButLong, small)).header).toEqual(["nik", "tanggal_layanan", "jenis_layanan"]);
    expect(await caught(rowsOf(fewButLong, { ...small, maxSharedStringsBytes: 8 * 1024 }))).toMatchObject({
      code: "xlsx_too_many_strings",
    });
  });
});
