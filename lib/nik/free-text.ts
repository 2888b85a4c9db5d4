/**
 * Checks for free text that is shown beyond its writer (service types in aggregates, reveal reasons
 * in the audit trail). A NIK hides as easily behind separators ("1811-0712-0385-0099",
 * "181101_120385_0001", "181107 120385 0098") as in one run, so the digits are counted with every
 * character that is neither a letter nor a digit removed; full-width digits count as digits.
 */
export function looksLikeIdentifier(text: string): boolean {
  return /\d{10,}/.test(text.normalize("NFKC").replace(/[^\p{L}\d]/gu, ""));
}

/** Control characters (NUL, escape, C1…); a tab, line feed or carriage return is ordinary text. */
export function hasControlCharacters(text: string): boolean {
  return /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(text);
}
