import { Readable } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { RecordFileError } from "./file-error";
import { detectDelimiter } from "@/lib/files/csv-delimiter";
import { guardXlsx, XlsxLimitError, type XlsxLimits } from "@/lib/files/xlsx-guard";

/** One data row as the file numbers it (the header is row 1), with its cells in file order. */
export interface RawRow {
  row: number;
  values: unknown[];
}

/** A header and the rows after it, read lazily: a file is never held whole in memory. */
export interface RowSource {
  format: "csv" | "xlsx" | "json";
  header: unknown[];
  /** The CSV's own delimiter (the rejected-rows file uses it too). */
  delimiter?: string;
  rows: AsyncIterable<RawRow>;
  /** The same rows in arrays, as they come off the parser: far fewer awaits for a large file. */
  batches: AsyncIterable<RawRow[]>;
}

async function* flatten(batches: AsyncIterable<RawRow[]>): AsyncIterable<RawRow> {
  for await (const batch of batches) yield* batch;
}

/** Whatever records a readable stream has buffered, in arrays, until it ends. */
async function* readBatches<T>(stream: Readable): AsyncIterable<T[]> {
  let failure: unknown = null;
  let ended = false;
  stream.on("error", (e) => (failure = e));
  stream.once("end", () => (ended = true));
  for (;;) {
    if (failure) throw failure;
    const batch: T[] = [];
    for (let record = stream.read() as T | null; record !== null; record = stream.read() as T | null)
      batch.push(record);
    if (batch.length) {
      yield batch;
      continue;
    }
    if (ended || stream.readableEnded) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        stream.off("readable", done);
        stream.off("end", done);
        stream.off("error", done);
        resolve();
      };
      stream.on("readable", done);
      stream.on("end", done);
      stream.on("error", done);
    });
  }
}

export type ByteStream = AsyncIterable<Uint8Array>;

const ZIP = [0x50, 0x4b, 0x03, 0x04]; // every XLSX is a ZIP archive
const OLE = [0xd0, 0xcf, 0x11, 0xe0]; // the pre-2007 binary .xls
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The first bytes of a stream, and a stream that yields everything again from the start. */
async function peek(input: ByteStream, atLeast: number): Promise<{ head: Uint8Array; stream: ByteStream }> {
  const iterator = input[Symbol.asyncIterator]();
  const seen: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < atLeast) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(seen);
  async function* replay() {
    if (head.length) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, stream: replay() };
}

/** Opens a CSV or XLSX file, told apart by its content (a ZIP is XLSX), not by the name alone. */
export async function openRecordFile(input: ByteStream, fileName = "", xlsx?: XlsxLimits): Promise<RowSource> {
  const { head, stream } = await peek(input, 4);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  if (head.length === 0) throw new RecordFileError("records_file_empty");
  if (startsWith(head, ZIP)) return openXlsx(stream, xlsx);
  if (startsWith(head, OLE) || ext === "xls") throw new RecordFileError("records_old_excel");
  if (["xlsx", "xlsm"].includes(ext)) throw new RecordFileError("records_unreadable");
  if (!["csv", "txt", ""].includes(ext)) throw new RecordFileError("records_unknown_format");
  return openCsv(stream);
}

/**
 * Bytes → text: UTF-8, unless the start of the file is not valid UTF-8, in which case it is taken
 * as Windows-1252 (what Excel writes for "CSV" without "UTF-8") rather than shown as mojibake.
 */
async function* decodeText(input: ByteStream): AsyncIterable<string> {
  let decoder: TextDecoder | null = null;
  for await (const chunk of input) {
    if (!decoder) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(chunk, { stream: true });
        decoder = new TextDecoder("utf-8");
      } catch {
        decoder = new TextDecoder("windows-1252");
      }
    }
    if (chunk.includes(0)) throw new RecordFileError("records_unknown_format");
    yield decoder.decode(chunk, { stream: true });
  }
  if (decoder) yield decoder.decode();
}

async function openCsv(bytes: ByteStream): Promise<RowSource> {
  const text = decodeText(bytes)[Symbol.asyncIterator]();
  // Enough text to hold the header line, which decides the delimiter.
  let start = "";
  let ended = false;
  while (!/[\r\n]/.test(start) && start.length < 1_000_000) {
    const next = await text.next();
    if (next.done) {
      ended = true;
      break;
    }
    start += next.value;
  }
  const delimiter = detectDelimiter(start.replace(/^\uFEFF/, "").split(/\r?\n|\r/, 1)[0]);
  async function* all() {
    yield start;
    if (ended) return;
    for (let next = await text.next(); !next.done; next = await text.next()) yield next.value;
  }
  const source = Readable.from(all());
  const parser = parse({ delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  source.on("error", (e) => parser.destroy(e));
  source.pipe(parser);
  const records = readBatches<string[]>(parser)[Symbol.asyncIterator]();
  let first = await nextCsv(records);
  while (!first.done && first.value.length === 0) first = await nextCsv(records);
  if (first.done) throw new RecordFileError("records_file_empty");
  const [header, ...rest] = first.value;
  async function* batches(): AsyncIterable<RawRow[]> {
    let row = 1;
    const number = (values: string[]) => ({ row: ++row, values: values.map(withoutFormulaEscape) });
    if (rest.length) yield rest.map(number);
    for (let next = await nextCsv(records); !next.done; next = await nextCsv(records)) yield next.value.map(number);
  }
  const rowBatches = batches();
  return { format: "csv", header, delimiter, batches: rowBatches, rows: flatten(rowBatches) };
}

/**
 * Our CSV exports (the rejected rows) write a cell that Excel would run as a formula with a leading
 * apostrophe ('=…, '-250000); reading the fixed file back, that apostrophe is not part of the value.
 */
function withoutFormulaEscape(value: string): string {
  return value.length > 1 && value[0] === "'" && "=+-@\t\r".includes(value[1]) ? value.slice(1) : value;
}

/** csv-parse's own errors (an unclosed quote…) become a file error naming the line. */
async function nextCsv<T>(records: AsyncIterator<T>): Promise<IteratorResult<T>> {
  try {
    return await records.next();
  } catch (error) {
    if (error instanceof RecordFileError) throw error;
    const e = error as { code?: string; lines?: number };
    if (typeof e.code === "string" && e.code.startsWith("CSV_"))
      throw new RecordFileError("records_csv_invalid", { line: e.lines ?? 0 });
    throw error;
  }
}

/** What a spreadsheet cell holds, reduced to a string, number, boolean, Date or null. */
function xlsxCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value)
    return xlsxCellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ("text" in value) return String(value.text);
  return null; // an error value such as #N/A
}

/**
 * The first worksheet, streamed. exceljs keeps the shared-strings table in memory (it holds each
 * distinct text once) and parks a worksheet stored before that table in a temporary file.
 */
async function openXlsx(bytes: ByteStream, limits?: XlsxLimits): Promise<RowSource> {
  const guarded = guardXlsx(bytes, limits);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(guarded.bytes), {
    sharedStrings: "cache",
    styles: "cache", // so that date-formatted cells arrive as dates
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // Every step of the reader races the guard: a refused workbook's bytes stop, and exceljs would wait for more.
  const step = <T>(it: AsyncIterator<T>) => Promise.race([it.next(), guarded.refused]);
  async function* sheetRows(): AsyncIterable<{ number: number; values: unknown[] }> {
    try {
      const sheets = reader[Symbol.asyncIterator]();
      const sheet = await step(sheets);
      if (sheet.done) return;
      const rows = (sheet.value as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
      for (let row = await step(rows); !row.done; row = await step(rows)) {
        const cells = row.value.values as ExcelJS.CellValue[]; // 1-based and sparse
        yield { number: row.value.number, values: Array.from(cells.slice(1), (v) => xlsxCellValue(v)) };
      }
      // A workbook over a limit may end early: that is not the end of the data.
      const refusal = guarded.refusal();
      if (refusal) throw refusal;
      await sheets.return?.(undefined); // only the first sheet holds data; lets exceljs clean up its temporary files
    } catch (error) {
      if (error instanceof RecordFileError) throw error;
      if (error instanceof XlsxLimitError) throw new RecordFileError(error.code, error.params);
      throw new RecordFileError("records_unreadable");
    }
  }
  const iterator = sheetRows()[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new RecordFileError("records_file_empty");
  async function* batches(): AsyncIterable<RawRow[]> {
    let batch: RawRow[] = [];
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      batch.push({ row: next.value.number, values: next.value.values });
      if (batch.length >= 1000) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }
  const all = batches();
  return { format: "xlsx", header: first.value.values, batches: all, rows: flatten(all) };
}

/**
 * Records sent as JSON objects (the service-records API), keyed by the file's column names or their
 * aliases. The first record is row 1; the header is the canonical column list.
 */
export function jsonRowSource(records: readonly Record<string, unknown>[], columns: readonly string[]): RowSource {
  const header = [...columns];
  const index = new Map(header.map((c, i) => [c, i]));
  async function* batches(): AsyncIterable<RawRow[]> {
    const rows = records.map((record, i) => {
      const values: unknown[] = new Array(header.length).fill(null);
      for (const [key, value] of Object.entries(record ?? {})) {
        const at = index.get(key);
        if (at !== undefined) values[at] = value;
      }
      return { row: i + 1, values };
    });
    if (rows.length) yield rows;
  }
  const all = batches();
  return { format: "json", header, batches: all, rows: flatten(all) };
}

/** Counts the bytes that went through, for a progress bar. */
export function countingStream(input: ByteStream, onBytes: (total: number) => void): ByteStream {
  return (async function* () {
    let total = 0;
    for await (const chunk of input) {
      total += chunk.length;
      onBytes(total);
      yield chunk;
    }
  })();
}
