import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";
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
  "name_invalid",
] as const;
export type RecordIssueCode = (typeof RECORD_ISSUE_CODES)[number];

/** Warnings do not reject a row or a file. */
export const RECORD_WARNING_CODES = ["nik_area_unknown", "columns_ignored", "errors_truncated", "rejected_rows_truncated"] as const;
export type RecordWarningCode = (typeof RECORD_WARNING_CODES)[number];

type Tree = { [key: string]: string | Tree };

function lookup(locale: Locale, path: string[]): string | undefined {
  let node: string | Tree | undefined = MESSAGES[locale];
  for (const key of path) node = typeof node === "object" ? node[key] : undefined;
  return typeof node === "string" ? node : undefined;
}

const isNikCode = (code: string): code is NikErrorCode => (NIK_ERROR_CODES as readonly string[]).includes(code);

/**
 * The message for an issue code in the reader's language. Fixed texts, never templated with a
 * cell value, so no message can carry a NIK. NIK texts come from lib/nik (one wording everywhere).
 */
export function issueMessage(code: RecordIssueCode, locale: Locale): string {
  if (isNikCode(code)) return NIK_ERROR_MESSAGES[code][locale];
  return lookup(locale, ["beneficiaries", "issue", code]) ?? code;
}

export function warningMessage(code: RecordWarningCode, locale: Locale, params: Record<string, string | number> = {}): string {
  if (code === "nik_area_unknown") return NIK_WARNING_MESSAGES.nik_area_unknown[locale];
  const text = lookup(locale, ["beneficiaries", "warning", code]) ?? code;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ""));
}
