import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { guardedBuffer, XlsxLimitError, xlsxLimits } from "@/lib/files/xlsx-guard";
import { AppError } from "@/lib/errors";
import { canonicalHeader, type ColumnHeader, DATE_COLUMNS } from "./columns";
import { dateToIso, excelSerialToIso, normaliseDate } from "./dates";
import { detectDelimiter } from "@/lib/files/csv-delimiter";

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;
/** The template's data sheet; other sheets (instructions, lists) are never read as data. */
export const DATA_SHEET = "Inovasi";

/** A file refused as a whole (422): the code names the message under `errors.` in the messages files. */
export class ImportFileError extends AppError {
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(422, code, params);
  }
}

export type Cells = Partial<Record<ColumnHeader, string>>;
export interface SheetRow {
  /** As the spreadsheet numbers it: the header is row 1. */
  row: number;
  cells: Cells;
}
export interface ParsedSheet {
  format: "xlsx" | "csv";
  columns: ColumnHeader[];
  ignoredColumns: string[];
  rows: SheetRow[];
}
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04": every XLSX is a ZIP archive
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the pre-2007 binary .xls

/** Reads an uploaded XLSX or CSV into rows of text cells keyed by template column. */
export async function parseImportFile(file: ImportFile): Promise<ParsedSheet> {
  const { bytes } = file;
  const ext = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? "";
  if (bytes.length === 0) throw new ImportFileError("import_empty");
  if (bytes.length > MAX_FILE_BYTES)
    throw new ImportFileError("import_too_large", { maxMb: MAX_FILE_BYTES / 1024 / 1024 });
  if (startsWith(bytes, ZIP)) return readXlsx(bytes);
  if (startsWith(bytes, OLE) || ext === "xls") throw new ImportFileError("import_old_excel");
  if (ext === "xlsx" || ext === "xlsm") throw new ImportFileError("import_not_xlsx");
  // A text file with NUL bytes is some other binary format wearing a .csv name.
  if (!["csv", "txt", "tsv", ""].includes(ext) || bytes.includes(0)) throw new ImportFileError("import_unknown_format");
  return readCsv(bytes);
}

/** Maps the header row to template columns; a column named twice would make the data ambiguous. */
function readHeader(raw: string[]): {
  byIndex: (ColumnHeader | undefined)[];
  columns: ColumnHeader[];
  ignoredColumns: string[];
} {
  const byIndex = raw.map((h) => canonicalHeader(h));
  const columns: ColumnHeader[] = [];
  const ignoredColumns: string[] = [];
  byIndex.forEach((column, i) => {
    if (!column) {
      if (raw[i].trim()) ignoredColumns.push(raw[i].trim());
      return;
    }
    if (columns.includes(column)) throw new ImportFileError("import_duplicate_column", { column });
    columns.push(column);
  });
  if (columns.length === 0) throw new ImportFileError("import_no_header");
  return { byIndex, columns, ignoredColumns };
}

function toRows(records: { row: number; values: string[] }[], byIndex: (ColumnHeader | undefined)[]): SheetRow[] {
  const rows: SheetRow[] = [];
  for (const { row, values } of records) {
    const cells: Cells = {};
    byIndex.forEach((column, i) => {
      const value = values[i]?.trim() ?? "";
      if (column && value) cells[column] = DATE_COLUMNS.has(column) ? normaliseDate(value) : value;
    });
    if (Object.keys(cells).length === 0) continue; // blank lines in the middle of a sheet are common
    rows.push({ row, cells });
    if (rows.length > MAX_ROWS) throw new ImportFileError("import_too_many_rows", { max: MAX_ROWS });
  }
  if (rows.length === 0) throw new ImportFileError("import_no_rows");
  return rows;
}

type CellValue = ExcelJS.CellValue;

/** The text a person sees in a cell, whatever exceljs made of it (rich text, formula, hyperlink, date). */
export function cellText(value: CellValue, dateColumn: boolean): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateToIso(value);
  if (typeof value === "number") return dateColumn ? (excelSerialToIso(value) ?? String(value)) : String(value);
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return String(value);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return cellText((value as { result?: CellValue }).result ?? null, dateColumn);
  if ("text" in value) return String(value.text);
  return ""; // an error value such as #N/A
}

/** The innovation workbook is read whole into memory: it may inflate to no more than this. */
const INNOVATION_XLSX_MAX_UNCOMPRESSED = 128 * 1024 * 1024;

async function readXlsx(bytes: Uint8Array): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    // The whole workbook is loaded in memory: a file that inflates past the limits never gets there.
    const limits = xlsxLimits();
    limits.maxUncompressedBytes = Math.min(limits.maxUncompressedBytes, INNOVATION_XLSX_MAX_UNCOMPRESSED);
    await workbook.xlsx.load((await guardedBuffer(bytes, limits)) as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof XlsxLimitError) throw new ImportFileError(error.code, error.params);
    throw new ImportFileError("import_unreadable");
  }
  const sheet = workbook.getWorksheet(DATA_SHEET) ?? workbook.worksheets.find((ws) => ws.state === "visible");
  if (!sheet) throw new ImportFileError("import_no_rows");
  if (sheet.actualRowCount > MAX_ROWS + 1) throw new ImportFileError("import_too_many_rows", { max: MAX_ROWS });
  const headerValues = (sheet.getRow(1).values as CellValue[]).slice(1); // exceljs rows are 1-based
  const header = readHeader(Array.from(headerValues, (v) => cellText(v ?? null, false)));
  const records: { row: number; values: string[] }[] = [];
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const values = header.byIndex.map((column, i) =>
      cellText(row.getCell(i + 1).value, !!column && DATE_COLUMNS.has(column)),
    );
    records.push({ row: rowNumber, values });
  });
  return {
    format: "xlsx",
    columns: header.columns,
    ignoredColumns: header.ignoredColumns,
    rows: toRows(records, header.byIndex),
  };
}

/** Excel saves CSV in the Windows code page unless told otherwise; accept that rather than show mojibake. */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

export function readCsvText(text: string): ParsedSheet {
  const clean = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(clean.split(/\r?\n/, 1)[0] ?? "");
  let records: string[][];
  try {
    records = parseCsv(clean, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportFileError("import_csv_invalid", { line });
  }
  if (records.length === 0) throw new ImportFileError("import_no_rows");
  const header = readHeader(records[0]);
  const data = records.slice(1).map((values, i) => ({ row: i + 2, values }));
  return {
    format: "csv",
    columns: header.columns,
    ignoredColumns: header.ignoredColumns,
    rows: toRows(data, header.byIndex),
  };
}

function readCsv(bytes: Uint8Array): ParsedSheet {
  return readCsvText(decodeText(bytes));
}
