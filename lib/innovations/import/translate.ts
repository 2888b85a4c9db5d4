import type { Locale } from "@/i18n/locales";
import { translator } from "@/lib/i18n/translator";

export type Translate = (key: string, params?: Record<string, string | number>) => string;

/**
 * The import report is worded in lib (the API, the page and the tests all show the same text), so
 * it builds its translator for the reader's locale instead of reading the request's. A message a
 * feature has not written yet falls back to a generic one rather than showing its key.
 */
export function importTranslator(locale: Locale): Translate {
  const t = translator(locale);
  return (key, params) => (t.has(key) ? t(key, params) : t("innovationImport.issue.invalid"));
}
