import { stringify } from "csv-stringify/sync";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
import { encryptField } from "@/lib/crypto";
import { issueMessage, type RecordIssueCode, type RecordWarningCode, warningMessage } from "../messages";
import type { RecordColumn } from "./columns";
import type { RowIssue } from "./validate-row";
import { cellText } from "./values";

export interface ReportIssue {
  /** As the file numbers it: the header is row 1 (for a JSON batch, the first record is row 1). */
  row: number;
  column: RecordColumn;
  code: RecordIssueCode;
  message: string;
}

export interface ReportWarning {
  row?: number;
  column?: RecordColumn;
  code: RecordWarningCode;
  message: string;
}

/** The answer to an import, the same for the API, the CLI and the page. Never holds a NIK. */
export interface ImportReport {
  dryRun: boolean;
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errors: ReportIssue[];
  warnings: ReportWarning[];
  /** The batch that records this run; its rejected rows download from it. */
  batchId: string | null;
  status: "done" | "checked" | "failed";
  mode: "default" | "strict";
  /** How many rejected rows the downloadable file holds. */
  rejectedRowsAvailable: number;
}

/** The report body lists at most this many errors and warnings; the counts are always complete. */
const MAX_LISTED = 1000;
/** Rejected rows kept for download, in characters of CSV (≈ 20 MB); beyond it the file is cut off. */
const MAX_REJECTED_CSV_CHARS = 20_000_000;
const scrubDigits = (text: string) => text.replace(/\d{10,}/g, "[…]");

/**
 * Collects counts, the first errors and warnings, and the rejected rows (with their original cells,
 * NIK included, because the uploader must fix and re-upload them). The rejected rows leave this
 * object only encrypted.
 */
export class ReportBuilder {
  rows = 0;
  accepted = 0;
  duplicates = 0;
  rejected = 0;
  private errors: ReportIssue[] = [];
  private errorCount = 0;
  private warnings: ReportWarning[] = [];
  private rejectedCsv: string[] = [];
  private rejectedChars = 0;
  private rejectedKept = 0;

  constructor(
    private readonly locale: Locale,
    private readonly originalHeader: string[],
    /** The source file's own delimiter, so the fixed file opens the way the original did. */
    private readonly delimiter: string = ",",
  ) {
    const labels = (MESSAGES[locale] as { beneficiaries: { rejectedFile: { row: string; reason: string } } })
      .beneficiaries.rejectedFile;
    this.rejectedCsv.push(
      stringify([[...originalHeader, labels.row, labels.reason]], { delimiter, escape_formulas: true }),
    );
  }

  reject(row: number, values: readonly unknown[], issues: RowIssue[]) {
    this.rejected++;
    for (const issue of issues) {
      this.errorCount++;
      if (this.errors.length < MAX_LISTED)
        this.errors.push({
          row,
          column: issue.column,
          code: issue.code,
          message: issueMessage(issue.code, this.locale),
        });
    }
    if (this.rejectedChars >= MAX_REJECTED_CSV_CHARS) return;
    const reason = issues.map((i) => `${i.column}: ${issueMessage(i.code, this.locale)}`).join("; ");
    const cells = this.originalHeader.map((_, i) => cellText(values[i]));
    // A cell starting with = + - @ would run as a formula in Excel: written as '=…, read back as =… (sources.ts).
    const line = stringify([[...cells, String(row), reason]], { delimiter: this.delimiter, escape_formulas: true });
    this.rejectedCsv.push(line);
    this.rejectedChars += line.length;
    this.rejectedKept++;
  }

  warn(
    code: RecordWarningCode,
    at: { row?: number; column?: RecordColumn } = {},
    params: Record<string, string | number> = {},
  ) {
    if (this.warnings.length < MAX_LISTED)
      this.warnings.push({ ...at, code, message: scrubDigits(warningMessage(code, this.locale, params)) });
  }

  ignoredColumns(names: string[]) {
    if (names.length) this.warn("columns_ignored", {}, { columns: names.join(", ") });
  }

  /** The rejected rows as an encrypted CSV (`v1:iv:tag:ct`), or null when no row was rejected. */
  encryptedRejectedRows(): string | null {
    if (this.rejectedKept === 0) return null;
    return encryptField(`\uFEFF${this.rejectedCsv.join("")}`, "rejected-rows");
  }

  build(extra: Pick<ImportReport, "dryRun" | "batchId" | "status" | "mode">): ImportReport {
    const warnings = [...this.warnings];
    if (this.errorCount > this.errors.length) {
      warnings.push({
        code: "errors_truncated",
        message: warningMessage("errors_truncated", this.locale, { shown: this.errors.length, total: this.errorCount }),
      });
    }
    if (this.rejectedKept < this.rejected) {
      warnings.push({
        code: "rejected_rows_truncated",
        message: warningMessage("rejected_rows_truncated", this.locale, { rows: this.rejectedKept }),
      });
    }
    return {
      ...extra,
      rows: this.rows,
      accepted: this.accepted,
      duplicates: this.duplicates,
      rejected: this.rejected,
      errors: this.errors,
      warnings,
      rejectedRowsAvailable: this.rejectedKept,
    };
  }
}
