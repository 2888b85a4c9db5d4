import { asc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { agencies } from "@/db/schema/agencies";
import { DEFAULT_LOCALE, type Locale } from "@/i18n/locales";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { AFFAIRS } from "@/lib/reference/affairs";
import { SUBMISSION_FIELDS } from "../schemas";
import {
  CODED_COLUMNS,
  type CodedColumn,
  codedLabels,
  type ColumnHeader,
  DATE_COLUMNS,
  IMPORT_COLUMNS,
} from "./columns";
import { DATA_SHEET, MAX_ROWS } from "./parse";
import { importTranslator, type Translate } from "./translate";

const TEMPLATE_FILE_NAME = "templat-impor-inovasi.xlsx";
const LISTS_SHEET = "Daftar";
const INSTRUCTIONS_SHEET = "Petunjuk";
const REQUIRED: ReadonlySet<string> = new Set(["name", "agencyId", "stage", "yearApplied"]);
const BRAND = "FF1E5A8A";
const NUMBER_COLUMNS: ReadonlySet<string> = new Set(["tahun", "lintang", "bujur", "asta_cita"]);

type Agency = { code: string; shortName: string; name: string };

/** The example row: Payo Beladas-like, marked so the import refuses it if it is left in. */
function exampleRow(agencyCode: string): Record<ColumnHeader, string | number | Date> {
  const label = (column: CodedColumn, code: string) => codedLabels(column, "id").find((l) => l.code === code)!.label;
  return {
    nama_inovasi: "[CONTOH] Payo Beladas - hapus baris ini",
    perangkat_daerah: agencyCode,
    ringkasan: "Pelayanan administrasi kependudukan secara daring melalui loket di desa.",
    tahapan: label("tahapan", "penerapan"),
    jenis_inisiator: label("jenis_inisiator", "opd"),
    nama_inisiator: "Dinas Kependudukan dan Pencatatan Sipil",
    jenis: label("jenis", "digital"),
    bentuk: label("bentuk", "pelayanan_publik"),
    tematik: label("tematik", "digitalisasi_layanan"),
    urusan_utama: "Administrasi kependudukan dan pencatatan sipil",
    urusan_lain: "Pemberdayaan masyarakat dan desa; Komunikasi dan informatika",
    waktu_uji_coba: new Date(Date.UTC(2022, 2, 1)),
    waktu_penerapan: new Date(Date.UTC(2022, 7, 1)),
    rancang_bangun:
      "Dasar hukum, permasalahan, isu strategis, metode pembaruan, keunggulan dan tahapan inovasi (minimal 300 kata).",
    tujuan: "Mendekatkan pelayanan administrasi kependudukan ke desa.",
    manfaat: "Warga menghemat jarak, waktu dan biaya.",
    hasil: "Loket pelayanan berjalan di seluruh desa.",
    tahun: 2023,
    klasifikasi: label("klasifikasi", "orisinal"),
    lintang: -4.0525,
    bujur: 105.4018,
    asta_cita: 7,
    klaster_prioritas_nasional: label("klaster_prioritas_nasional", "reformasi_birokrasi_digital"),
    tanggal_perkembangan_terakhir: new Date(Date.UTC(2026, 2, 2)),
  };
}

/** A column letter for a 1-based index (the template stays within A–Z). */
const letter = (index: number) => String.fromCharCode(64 + index);

/** Hidden lists the drop-downs read: one column per list, so a list can hold commas and exceed 255 characters. */
function addLists(workbook: ExcelJS.Workbook, agencyList: Agency[]): Partial<Record<ColumnHeader, string>> {
  const sheet = workbook.addWorksheet(LISTS_SHEET, { state: "hidden" });
  const lists: [ColumnHeader, string[]][] = [
    ["perangkat_daerah", agencyList.map((a) => a.code)],
    ...(Object.keys(CODED_COLUMNS) as CodedColumn[]).map(
      (c) => [c, codedLabels(c, "id").map((l) => l.label)] as [ColumnHeader, string[]],
    ),
    ["urusan_utama", AFFAIRS.map((a) => a.name)],
  ];
  const ranges: Partial<Record<ColumnHeader, string>> = {};
  lists.forEach(([column, values], i) => {
    const col = letter(i + 1);
    sheet.getCell(`${col}1`).value = column;
    values.forEach((value, j) => (sheet.getCell(`${col}${j + 2}`).value = value));
    ranges[column] = `${LISTS_SHEET}!$${col}$2:$${col}$${Math.max(2, values.length + 1)}`;
  });
  return ranges;
}

type Validations = { add: (range: string, rule: ExcelJS.DataValidation) => void };

function addDataSheet(workbook: ExcelJS.Workbook, agencyCode: string, t: Translate) {
  const sheet = workbook.addWorksheet(DATA_SHEET, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((c) => ({
    header: c.header,
    key: c.header,
    width: c.width,
    // Dates as dates, shown as ISO; free text as text so Excel does not turn "1-2" into a date.
    style: DATE_COLUMNS.has(c.header) ? { numFmt: "yyyy-mm-dd" } : NUMBER_COLUMNS.has(c.header) ? {} : { numFmt: "@" },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.eachCell((cell, i) => {
    const required = REQUIRED.has(IMPORT_COLUMNS[i - 1].field);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: required ? "FF9A3412" : BRAND } };
    cell.note = t(`innovationImport.template.columns.${IMPORT_COLUMNS[i - 1].header}`);
  });
  const example = sheet.addRow(exampleRow(agencyCode));
  example.font = { italic: true, color: { argb: "FF64748B" } };
  example.getCell(1).note = t("innovationImport.template.exampleNote");
  return sheet;
}

function addValidations(sheet: ExcelJS.Worksheet, ranges: Partial<Record<ColumnHeader, string>>, t: Translate) {
  // exceljs writes data validations but does not declare them in its types.
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  const last = MAX_ROWS + 1;
  IMPORT_COLUMNS.forEach((c, i) => {
    const range = `${letter(i + 1)}2:${letter(i + 1)}${last}`;
    const list = ranges[c.header];
    // "warning" rather than "stop": codes and English labels typed by hand are accepted too.
    const soft = {
      allowBlank: true,
      showErrorMessage: true,
      errorStyle: "warning",
      error: t("innovationImport.template.listWarning"),
    };
    if (list) validations.add(range, { type: "list", formulae: [list], ...soft });
    if (c.header === "tahun")
      validations.add(range, { type: "whole", operator: "between", formulae: [2017, 2100], ...soft });
    if (c.header === "asta_cita")
      validations.add(range, { type: "whole", operator: "between", formulae: [1, 8], ...soft });
  });
}

function addInstructions(workbook: ExcelJS.Workbook, agencyList: Agency[], t: Translate, locale: Locale) {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET);
  sheet.columns = [{ width: 22 }, { width: 22 }, { width: 70 }, { width: 70 }];
  const heading = (text: string) => {
    const row = sheet.addRow([text]);
    row.font = { bold: true, size: 13 };
  };
  heading(t("innovationImport.template.instructionsTitle"));
  for (const line of ["intro1", "intro2", "intro3", "intro4"]) sheet.addRow([t(`innovationImport.template.${line}`)]);
  sheet.addRow([]);
  const head = sheet.addRow(
    ["column", "required", "meaning", "values"].map((k) => t(`innovationImport.template.head.${k}`)),
  );
  head.font = { bold: true };
  for (const c of IMPORT_COLUMNS) {
    const need = REQUIRED.has(c.field)
      ? "required"
      : (SUBMISSION_FIELDS as readonly string[]).includes(c.field)
        ? "forSubmission"
        : "optional";
    const coded = c.header in CODED_COLUMNS ? codedLabels(c.header as CodedColumn, locale) : null;
    const values = coded
      ? coded.map((l) => `${l.label} (${l.code})`).join("; ")
      : t(`innovationImport.template.values.${c.header}`);
    const row = sheet.addRow([
      c.header,
      t(`innovationImport.template.need.${need}`),
      t(`innovationImport.template.columns.${c.header}`),
      values,
    ]);
    row.alignment = { wrapText: true, vertical: "top" };
  }
  sheet.addRow([]);
  heading(t("innovationImport.template.affairsTitle"));
  for (const a of AFFAIRS) sheet.addRow([a.code, "", a.name]);
  sheet.addRow([]);
  heading(t("innovationImport.template.agenciesTitle"));
  for (const a of agencyList) sheet.addRow([a.code, a.shortName, a.name]);
}

/** The downloadable template: data sheet with drop-downs and an example row, instructions, hidden lists. */
export async function buildImportTemplate({ ctx, locale = DEFAULT_LOCALE }: { ctx: Ctx; locale?: Locale }) {
  const actor = requirePermission(ctx, "innovation.write");
  const agencyList = await ctx.db
    .select({ code: agencies.code, shortName: agencies.shortName, name: agencies.name })
    .from(agencies)
    .where(eq(agencies.regionCode, actor.regionCode))
    .orderBy(asc(agencies.code))
    .limit(500);
  const t = importTranslator(locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Inovasi Daerah";
  const agencyCode = agencyList.find((a) => a.code === "DISDUKCAPIL")?.code ?? agencyList[0]?.code ?? "";
  const data = addDataSheet(workbook, agencyCode, t);
  addInstructions(workbook, agencyList, t, locale);
  addValidations(data, addLists(workbook, agencyList), t);
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: TEMPLATE_FILE_NAME, bytes: new Uint8Array(buffer as ArrayBuffer) };
}
