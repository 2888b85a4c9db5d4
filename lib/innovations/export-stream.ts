import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { EXPORT_HEADERS, EXPORT_WIDTHS, toExportCells } from "./export-columns";
import type { InnovationListItem } from "./list-query";

type Pages = AsyncGenerator<InnovationListItem[]>;

// A leading "=", "+", "-" or "@" would make Excel run the cell as a formula (CSV injection).
const CSV_OPTIONS = { record_delimiter: "windows", escape_formulas: true } as const;
// Excel reads a CSV without a byte order mark as ANSI and garbles every non-ASCII letter.
const BOM = "\uFEFF";

/**
 * The rows as UTF-8 CSV, one database page at a time: the next page is fetched only when the
 * client has taken the previous one, so a slow download never piles rows up in memory. Once
 * the first bytes are out the status cannot change: a failure is reported to `onError` and
 * aborts the download.
 */
export function csvStream(pages: Pages, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(BOM + stringify([[...EXPORT_HEADERS]], CSV_OPTIONS)));
        return;
      }
      let next: IteratorResult<InnovationListItem[]>;
      try {
        next = await pages.next();
      } catch (error) {
        onError(error);
        throw error;
      }
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(stringify(next.value.map(toExportCells), CSV_OPTIONS)));
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/**
 * The rows as an XLSX workbook written by exceljs's streaming writer: each row is committed (and
 * forgotten) as soon as it is added, so memory stays flat however many rows there are.
 */
export function xlsxStream(pages: Pages, onError: (error: unknown) => void): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Inovasi", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = EXPORT_HEADERS.map((header) => ({ header, key: header, width: EXPORT_WIDTHS[header] ?? 16 }));
  sheet.getRow(1).font = { bold: true };

  void (async () => {
    try {
      for await (const page of pages) {
        if (out.destroyed) return; // the client went away
        for (const item of page) sheet.addRow(toExportCells(item)).commit();
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      onError(error);
      out.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

/** Today in Mesuji (WIB), as YYYY-MM-DD, for the file name. */
export function exportDate(now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Jakarta",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

export const EXPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;
