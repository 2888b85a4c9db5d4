import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { DEMO_AGENCIES } from "@/seed/demo-agencies";
import { auditLog } from "@/db/schema/audit-log";
import { innovations } from "@/db/schema/innovations";
import { ForbiddenError } from "@/lib/errors";
import { IMPORT_COLUMNS } from "@/lib/innovations/import/columns";
import { ImportFileError } from "@/lib/innovations/import/parse";
import { importInnovations } from "@/lib/innovations/import/run-import";
import { buildImportTemplate } from "@/lib/innovations/import/template";
import { agencyIdByCode, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

type Row = Record<string, string | number | Date | null>;
const HEADERS = IMPORT_COLUMNS.map((c) => c.header);
const STAGE_LABELS = ["Inisiatif", "Uji coba", "penerapan"];
const DESIGN = Array.from({ length: 320 }, (_, i) => `kata${i}`).join(" ");

/** A plausible row of a regency's spreadsheet: labels, codes and names mixed as people write them. */
function sampleRow(i: number): Row {
  const agency = DEMO_AGENCIES[i % DEMO_AGENCIES.length];
  const stage = STAGE_LABELS[i % 3];
  return {
    nama_inovasi: `Inovasi Impor ${String(i).padStart(3, "0")}`,
    perangkat_daerah: i % 2 ? agency.code : agency.shortName.toUpperCase(),
    ringkasan: `Ringkasan inovasi nomor ${i}.`,
    tahapan: stage,
    jenis_inisiator: i % 2 ? "Perangkat daerah (OPD)" : "asn",
    nama_inisiator: agency.name,
    jenis: i % 2 ? "Digital" : "non_digital",
    bentuk: "Inovasi pelayanan publik",
    tematik: "non_tematik",
    urusan_utama: i % 2 ? "Kesehatan" : "administrasi_kependudukan_dan_pencatatan_sipil",
    urusan_lain: "Pendidikan; sosial",
    waktu_uji_coba: stage === "Inisiatif" ? null : new Date(Date.UTC(2022, i % 12, 1)),
    waktu_penerapan: stage === "penerapan" ? new Date(Date.UTC(2023, i % 12, 15)) : null,
    rancang_bangun: i % 5 === 0 ? DESIGN : "Rancang bangun singkat.",
    tujuan: "Tujuan.",
    manfaat: "Manfaat.",
    hasil: "Hasil.",
    tahun: 2023,
  };
}

describe.each(databaseCases())("innovation import (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let dir: string;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-import-"));
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const bappeda = () => ctxFor(handle.db, "bappeda@demo.local");
  const innovationCount = async () => (await handle.db.select({ n: count() }).from(innovations))[0].n;
  const auditCount = async (action: string) =>
    (await handle.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0].n;
  const byName = async (name: string) =>
    (await handle.db.select().from(innovations).where(eq(innovations.name, name)))[0];

  /** Writes an XLSX to disk, as someone filling the template would, and returns its path. */
  async function writeXlsx(fileName: string, rows: Row[], headers: string[] = HEADERS) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Inovasi");
    sheet.addRow(headers);
    for (const row of rows) sheet.addRow(headers.map((h) => row[h] ?? null));
    const file = path.join(dir, fileName);
    await workbook.xlsx.writeFile(file);
    return file;
  }
  const fromDisk = (file: string) => ({ name: path.basename(file), bytes: new Uint8Array(fs.readFileSync(file)) });
  const run = async (file: string, dryRun: boolean, email = "bappeda@demo.local", locale: "id" | "en" = "id") =>
    importInnovations({ ctx: await ctxFor(handle.db, email), input: { file: fromDisk(file), dryRun, locale } });

  it("builds a template with instructions, drop-downs and an example row the import refuses", async () => {
    const template = await buildImportTemplate({ ctx: await bappeda(), locale: "id" });
    const file = path.join(dir, template.fileName);
    fs.writeFileSync(file, template.bytes);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((w) => [w.name, w.state])).toEqual([
      ["Inovasi", "visible"],
      ["Petunjuk", "visible"],
      ["Daftar", "hidden"],
    ]);
    const sheet = workbook.getWorksheet("Inovasi")!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(HEADERS);
    expect(String(sheet.getCell("A2").value)).toMatch(/^\[CONTOH\] Payo Beladas/);
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    expect(validations.D2).toMatchObject({ type: "list", formulae: ["Daftar!$B$2:$B$4"] });
    expect(validations.B5001).toMatchObject({ type: "list" });
    const petunjuk = workbook.getWorksheet("Petunjuk")!;
    const text = petunjuk.getSheetValues().flat().map(String).join(" ");
    expect(text).toContain("Uji coba (uji_coba)");
    expect(text).toContain("DISDUKCAPIL");

    const asIs = await run(file, true);
    expect(asIs.rows).toEqual([
      expect.objectContaining({
        row: 2,
        action: "reject",
        errors: [expect.objectContaining({ column: "nama_inovasi", code: "exampleRow" })],
      }),
    ]);

    sheet.spliceRows(2, 1);
    sheet.addRow(HEADERS.map((h) => sampleRow(200)[h]));
    const filled = path.join(dir, "terisi.xlsx");
    await workbook.xlsx.writeFile(filled);
    const report = await run(filled, true);
    expect(report.totals).toEqual({ rows: 1, create: 1, update: 0, unchanged: 0, reject: 0 });
  });

  it("dry-runs 110 rows: reports 110 creates and writes nothing", async () => {
    const file = await writeXlsx(
      "110.xlsx",
      Array.from({ length: 110 }, (_, i) => sampleRow(i)),
    );
    const [before, audits] = [await innovationCount(), await auditCount("innovation.create")];
    const report = await run(file, true);
    expect(report).toMatchObject({
      fileName: "110.xlsx",
      format: "xlsx",
      dryRun: true,
      applied: false,
      ignoredColumns: [],
    });
    expect(report.totals).toEqual({ rows: 110, create: 110, update: 0, unchanged: 0, reject: 0 });
    expect(report.rows[0]).toMatchObject({ row: 2, action: "create", name: "Inovasi Impor 000", errors: [] });
    expect(report.rows[109].row).toBe(111);
    expect(report.message).toContain("110 baris diperiksa");
    expect(await innovationCount()).toBe(before);
    expect(await auditCount("innovation.create")).toBe(audits);
  });

  it("imports 110 rows in one go, with one audit row each and one for the batch", async () => {
    const file = path.join(dir, "110.xlsx");
    const before = await innovationCount();
    const started = performance.now();
    const report = await run(file, false);
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeLessThan(10);
    expect(report).toMatchObject({ dryRun: false, applied: true });
    expect(report.totals.create).toBe(110);
    expect(await innovationCount()).toBe(before + 110);
    expect(await auditCount("innovation.create")).toBe(110);
    const [batch] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "innovation.import"));
    expect(batch).toMatchObject({
      actorEmail: "bappeda@demo.local",
      after: { fileName: "110.xlsx", rows: 110, created: 110, updated: 0, unchanged: 0 },
    });

    const stored = await byName("Inovasi Impor 005");
    expect(stored).toMatchObject({
      agencyId: await agencyIdByCode(handle.db, DEMO_AGENCIES[5].code),
      stage: "penerapan",
      initiatorType: "opd",
      innovationType: "digital",
      form: "pelayanan_publik",
      mainAffair: "kesehatan",
      otherAffairs: ["pendidikan", "sosial"],
      trialDate: "2022-06-01",
      implementationDate: "2023-06-15",
      yearApplied: 2023,
      completeness: 100,
      version: 1,
    });
    expect(report.rows[5].id).toBe(stored.id);
    const [created] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, stored.id), eq(auditLog.action, "innovation.create")));
    expect(created.after).toMatchObject({ name: "Inovasi Impor 005" });
  });

  it("re-imports the same file without duplicates, and updates only what changed", async () => {
    const file = path.join(dir, "110.xlsx");
    const before = await innovationCount();
    const again = await run(file, false);
    expect(again.totals).toEqual({ rows: 110, create: 0, update: 0, unchanged: 110, reject: 0 });
    expect(await innovationCount()).toBe(before);

    const rows = Array.from({ length: 110 }, (_, i) => sampleRow(i));
    rows[7] = { ...rows[7], nama_inovasi: "INOVASI impor 007", tujuan: "Tujuan baru." };
    const changed = await run(await writeXlsx("110-ubah.xlsx", rows), false);
    expect(changed.totals).toMatchObject({ create: 0, update: 1, unchanged: 109 });
    expect(changed.rows[7]).toMatchObject({ row: 9, action: "update", changed: ["nama_inovasi", "tujuan"] });
    const stored = await byName("INOVASI impor 007");
    expect(stored).toMatchObject({ goals: "Tujuan baru.", version: 2 });
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, stored.id), eq(auditLog.action, "innovation.update")));
    expect(audit.changedFields).toEqual(["goals", "name"]);
    expect(await innovationCount()).toBe(before);
  });

  it("updates a seeded innovation, keeping the columns the file leaves out", async () => {
    const file = await writeXlsx(
      "payo.xlsx",
      [{ nama: "Payo Beladas", opd: "disdukcapil", tahun: 2024 }],
      ["nama", "opd", "tahun"],
    );
    const report = await run(file, false);
    expect(report.rows[0]).toMatchObject({ action: "update", changed: ["tahun"] });
    expect(await byName("Payo Beladas")).toMatchObject({
      yearApplied: 2024,
      stage: "penerapan",
      mainAffair: "administrasi_kependudukan_dan_pencatatan_sipil",
    });
  });

  it("refuses a file with bad rows as a whole, naming rows and columns", async () => {
    const rows: Row[] = [
      sampleRow(300),
      { ...sampleRow(301), tahapan: "penerapan", waktu_uji_coba: "2023-05-01", waktu_penerapan: "2023-01-01" },
      { ...sampleRow(302), perangkat_daerah: "Dinas Antah Berantah" },
      { ...sampleRow(303), urusan_utama: "Urusan Fiktif", urusan_lain: "kesehatan; bukan urusan" },
      { ...sampleRow(304), nama_inovasi: "Inovasi Impor 300", perangkat_daerah: DEMO_AGENCIES[300 % 25].code },
      { ...sampleRow(305), tahapan: "selesai", waktu_uji_coba: "31/02/2023", tahun: "" },
    ];
    const file = await writeXlsx("buruk.xlsx", rows);
    const [before, imports] = [await innovationCount(), await auditCount("innovation.import")];
    const report = await run(file, false);
    expect(report).toMatchObject({ applied: false, totals: { rows: 6, create: 1, reject: 5 } });
    expect(report.message).toContain("Tidak ada yang disimpan");
    const problems = Object.fromEntries(report.rows.map((r) => [r.row, r.errors.map((e) => `${e.column}:${e.code}`)]));
    expect(problems).toEqual({
      2: [],
      3: ["waktu_uji_coba:trialAfterImplementation"],
      4: ["perangkat_daerah:agencyUnknown"],
      5: ["urusan_utama:affair", "urusan_lain:affair"],
      6: ["nama_inovasi:duplicateInFile"],
      7: ["tahapan:stage", "waktu_uji_coba:date", "tahun:year"],
    });
    expect(report.rows[3].errors[0].message).toContain('"Urusan Fiktif"');
    expect(report.rows[4].errors[0].message).toContain("baris 2");
    expect(report.rows[5].errors[0].message).toContain("Uji coba");
    expect(await innovationCount()).toBe(before);
    expect(await auditCount("innovation.import")).toBe(imports);

    const english = await run(file, true, "bappeda@demo.local", "en");
    expect(english.rows[2].errors[0].message).toBe(
      'Unknown agency "Dinas Antah Berantah". Write a code or name as listed on the template\'s Petunjuk sheet.',
    );
  });

  it("reads a semicolon CSV with a BOM, CRLF and DD/MM/YYYY dates", async () => {
    const lines = [
      "nama_inovasi;perangkat_daerah;tahapan;urusan_utama;urusan_lain;waktu_uji_coba;waktu_penerapan;tahun_penerapan;ringkasan",
      'Lapor Jalan;Dinas PUPR;Penerapan;Pekerjaan umum dan penataan ruang;"Perhubungan; Komunikasi dan informatika";01/03/2022;15/08/2022;2023;"Laporan jalan rusak; dengan foto"',
      "Posyandu Digital;dinkes;uji coba;kesehatan;;5/1/2024;;2024;",
    ];
    const file = path.join(dir, "inovasi.csv");
    fs.writeFileSync(file, "\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
    const report = await run(file, false);
    expect(report).toMatchObject({ format: "csv", applied: true, totals: { create: 2, reject: 0 } });
    expect(await byName("Lapor Jalan")).toMatchObject({
      agencyId: await agencyIdByCode(handle.db, "PUPR"),
      otherAffairs: ["perhubungan", "komunikasi_dan_informatika"],
      trialDate: "2022-03-01",
      implementationDate: "2022-08-15",
      summary: "Laporan jalan rusak; dengan foto",
    });
    expect(await byName("Posyandu Digital")).toMatchObject({
      stage: "uji_coba",
      trialDate: "2024-01-05",
      implementationDate: null,
    });
  });

  it("lets agency staff import only their own agency's rows", async () => {
    const own: Row = { ...sampleRow(400), perangkat_daerah: "DISDUKCAPIL" };
    const blank: Row = { ...sampleRow(401), perangkat_daerah: null };
    const other: Row = { ...sampleRow(402), perangkat_daerah: "DINKES" };
    const before = await innovationCount();
    const refused = await run(await writeXlsx("opd.xlsx", [own, blank, other]), false, "opd@demo.local");
    expect(refused).toMatchObject({ applied: false, totals: { create: 2, reject: 1 } });
    expect(refused.rows[2]).toMatchObject({
      row: 4,
      action: "reject",
      errors: [expect.objectContaining({ column: "perangkat_daerah", code: "otherAgency" })],
    });
    expect(refused.rows[2].errors[0].message).toContain("Dinas Kesehatan");
    expect(await innovationCount()).toBe(before);

    const accepted = await run(await writeXlsx("opd-sendiri.xlsx", [own, blank]), false, "opd@demo.local");
    expect(accepted).toMatchObject({ applied: true, totals: { create: 2 } });
    const disdukcapil = await agencyIdByCode(handle.db, "DISDUKCAPIL");
    expect((await byName(String(blank.nama_inovasi))).agencyId).toBe(disdukcapil);
  });

  it("refuses a file named .xlsx that is not a ZIP, and callers without innovation.write", async () => {
    const file = path.join(dir, "palsu.xlsx");
    fs.writeFileSync(file, "nama_inovasi;perangkat_daerah\nA;DINKES\n");
    const error = await caught(run(file, true));
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ status: 422, code: "import_not_xlsx" });
    expect(await caught(run(path.join(dir, "110.xlsx"), true, "pimpinan@demo.local"))).toBeInstanceOf(ForbiddenError);
    const [{ n }] = await handle.db
      .select({ n: count() })
      .from(innovations)
      .where(sql`lower(${innovations.name}) = 'a'`);
    expect(n).toBe(0);
  });
});
