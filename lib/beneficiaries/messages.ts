import type { Locale } from "@/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { NIK_ERROR_CODES, NIK_ERROR_MESSAGES, NIK_WARNING_MESSAGES, type NikErrorCode } from "@/lib/nik";

/**
 * Stable codes of a rejected row (API clients match on them; never rename one): the NIK codes of
 * lib/nik plus the codes of the other columns.
 */
export const RECORD_ISSUE_CODES = [
  ...NIK_ERROR_CODES,
  "date_missing",
  "date_invalid",
  "date_future",
  "service_type_missing",
  "service_type_invalid",
  "desa_unknown",
  "value_invalid",
  "channel_unknown",
  "name_invalid",
  "example_row",
] as const;
export type RecordIssueCode = (typeof RECORD_ISSUE_CODES)[number];

/** Warnings do not reject a row or a file. */
export const RECORD_WARNING_CODES = [
  "nik_area_unknown",
  "columns_ignored",
  "errors_truncated",
  "rejected_rows_truncated",
] as const;
export type RecordWarningCode = (typeof RECORD_WARNING_CODES)[number];

const isNikCode = (code: string): code is NikErrorCode => (NIK_ERROR_CODES as readonly string[]).includes(code);

/**
 * The message for an issue code in the reader's language. Fixed texts, never templated with a
 * cell value, so no message can carry a NIK. NIK texts come from lib/nik (one wording everywhere).
 */
export function issueMessage(code: RecordIssueCode, locale: Locale): string {
  if (isNikCode(code)) return NIK_ERROR_MESSAGES[code][locale];
  return translator(locale)(`beneficiaries.issue.${code}`);
}

export function warningMessage(
  code: RecordWarningCode,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  if (code === "nik_area_unknown") return NIK_WARNING_MESSAGES.nik_area_unknown[locale];
  return translator(locale)(`beneficiaries.warning.${code}`, params);
}

/** Codes that refuse a whole file or request; listed in the API's error-code table (lib/openapi/schemas.ts). */
export const BENEFICIARY_ERROR_CODES = {
  records_file_empty: { status: 422, meaning: "The service-record file is empty." },
  records_unknown_format: { status: 422, meaning: "Not a CSV (UTF-8 or Windows-1252) or XLSX file." },
  records_old_excel: { status: 422, meaning: "A pre-2007 .xls file: save it as .xlsx or CSV." },
  records_unreadable: { status: 422, meaning: "The XLSX cannot be read." },
  records_csv_invalid: { status: 422, meaning: "The CSV is broken (e.g. an unclosed quote) near the line given." },
  records_missing_columns: {
    status: 422,
    meaning: "Required columns not found; `error.headers` lists the file's headers for a `columns` mapping.",
  },
  records_duplicate_column: { status: 422, meaning: "A column of the service-record file appears twice." },
  records_too_many: { status: 422, meaning: "More than 10,000 records in one JSON batch." },
  records_too_large: {
    status: 413,
    meaning: "The upload is over IMPORT_MAX_BYTES (200 MB by default); the message names the limit.",
  },
  records_rejected_strict: {
    status: 422,
    meaning: "mode=strict and some rows were rejected: nothing was written; the body is the report plus `error`.",
  },
  idempotency_key_invalid: { status: 422, meaning: "The Idempotency-Key is not 1–200 printable ASCII characters." },
  idempotency_conflict: { status: 409, meaning: "The Idempotency-Key was used before with a different body." },
  batch_not_undoable: { status: 409, meaning: "Only a finished, written import batch can be undone, once." },
  rejected_rows_unavailable: { status: 404, meaning: "No rejected rows, or the caller did not upload the batch." },
} as const satisfies Record<string, { status: number; meaning: string }>;

/** The message of a file-level error code in the reader's language, with its parameters filled in. */
export function fileErrorMessage(code: string, locale: Locale, params: Record<string, string | number> = {}): string {
  const t = translator(locale);
  return t.has(`errors.${code}`) ? t(`errors.${code}`, params) : code;
}
