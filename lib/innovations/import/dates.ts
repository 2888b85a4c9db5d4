const DAY_MS = 86_400_000;
// Excel's day 0 in the 1900 date system is 1899-12-30 (its fictitious 1900-02-29 included).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
// Serials between these bounds (1927–2173) are dates; smaller numbers are more likely a year or a typo.
const MIN_SERIAL = 10_000;
const MAX_SERIAL = 100_000;

const pad = (n: number | string) => String(n).padStart(2, "0");

/** Spreadsheet dates are calendar days without a zone: read them in UTC so no offset shifts the day. */
export function dateToIso(date: Date): string {
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial >= MAX_SERIAL) return null;
  return dateToIso(new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS));
}

/**
 * A date written as YYYY-MM-DD, DD/MM/YYYY (also with "-" or "."), or an Excel serial number, as
 * YYYY-MM-DD. Anything else comes back unchanged so that the profile schema rejects it with its
 * own message (and so does an impossible day such as 31/02/2023).
 */
export function normaliseDate(raw: string): string {
  const text = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return `${m[3]}-${pad(m[2])}-${pad(m[1])}`;
  if (/^\d{5}(?:\.\d+)?$/.test(text)) return excelSerialToIso(Number(text)) ?? text;
  return text;
}
