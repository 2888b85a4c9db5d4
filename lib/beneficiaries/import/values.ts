import { excelSerialToIso } from "@/lib/innovations/import/dates";
import { hasControlCharacters, looksLikeIdentifier } from "@/lib/nik";

/**
 * Cell values of a service-record file → typed values. Each parser returns null for a value it
 * cannot read, and the row validator turns that into a stable error code. Cells arrive as text
 * (CSV, JSON) or as what a spreadsheet stored (number, Date, boolean).
 */

const MIN_YEAR = 1900;
// Mesuji is in WIB (UTC+7, no daylight saving): "today" is the calendar day there.
const WIB_OFFSET_MS = 7 * 3_600_000;

const pad = (n: number) => String(n).padStart(2, "0");

function isoDate(year: number, month: number, day: number): string | null {
  if (year < MIN_YEAR || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31/02 rolls into March
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The calendar date in WIB of an instant, as YYYY-MM-DD. */
export function wibToday(now: Date = new Date()): string {
  const d = new Date(now.getTime() + WIB_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * YYYY-MM-DD (a time after it is ignored), DD/MM/YYYY (also with "-" or "."), an Excel serial
 * (number or digits), or a spreadsheet Date. Day-first because that is how Indonesia writes dates;
 * an American MM/DD/YYYY with a day above 12 fails rather than being silently swapped.
 */
export function parseServiceDate(value: unknown): string | null {
  if (value instanceof Date) {
    // exceljs gives date cells as UTC midnight of the calendar day.
    if (Number.isNaN(value.getTime())) return null;
    return isoDate(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value === "number") return excelSerialToIso(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (m) return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  if (/^\d{5}(?:[.,]\d+)?$/.test(text)) return excelSerialToIso(Number(text.replace(",", ".")));
  return null;
}

// numeric(18, 2): 16 digits before the decimal point.
const MAX_AMOUNT = 1e16;

/**
 * A non-negative amount in rupiah, or null when unreadable or negative. Indonesian writing uses "."
 * for thousands and "," for decimals ("1.500.000", "1500000,50"); programs write "1500000.50".
 * With both marks, the last one is the decimal mark. A single mark followed by exactly three
 * digits is a thousands separator: in rupiah "1.500" means fifteen hundred, not one and a half.
 */
export function parseAmount(value: unknown): number | null {
  if (typeof value === "number")
    return Number.isFinite(value) && value >= 0 && value < MAX_AMOUNT ? round2(value) : null;
  if (typeof value !== "string") return null;
  let text = value
    .trim()
    .replace(/^(rp\.?|idr)\s*/i, "")
    .replace(/[\s\u00A0]/g, "");
  if (!/^\d[\d.,]*$/.test(text)) return null;
  const lastDot = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? "." : ",";
    const thousands = decimal === "." ? "," : ".";
    if (!groupedCorrectly(text.slice(0, text.lastIndexOf(decimal)), thousands)) return null;
    text = text.split(thousands).join("").replace(decimal, ".");
  } else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? "." : ",";
    const parts = text.split(mark);
    if (parts.length > 2 || parts[1].length === 3) {
      if (!groupedCorrectly(text, mark)) return null;
      text = parts.join("");
    } else {
      text = `${parts[0]}.${parts[1]}`;
    }
  }
  if (!/^\d+(?:\.\d+)?$/.test(text)) return null;
  const n = Number(text);
  return Number.isFinite(n) && n < MAX_AMOUNT ? round2(n) : null;
}

/** "1.500.000" is grouped by thousands; "15.00.000" is a typo, not a number to guess at. */
function groupedCorrectly(text: string, mark: string): boolean {
  const groups = text.split(mark);
  return /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A desa code as Kemendagri writes it (18.11.01.2001), from either the dotted form or the bare 10
 * digits. Returns null for anything else; whether the code is one of Mesuji's desa is checked
 * against the regions table by the caller.
 */
export function normaliseDesaCode(value: unknown): string | null {
  const text =
    typeof value === "number" && Number.isSafeInteger(value)
      ? String(value)
      : typeof value === "string"
        ? value.trim()
        : "";
  let m = /^(\d{2})\.(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  if (!m) m = /^(\d{2})(\d{2})(\d{2})(\d{4})$/.exec(text.replace(/\s+/g, ""));
  return m ? `${m[1]}.${m[2]}.${m[3]}.${m[4]}` : null;
}

const MAX_SERVICE_TYPE_LENGTH = 100;

/**
 * The service type as written, with whitespace tidied. Null when it would be unsafe to keep: ten or
 * more digits (whatever separates them) are most likely an identifier pasted into the wrong column,
 * and service types are shown in aggregates, where no NIK may ever appear; a control character
 * (NUL…) is no part of a service's name.
 */
export function normaliseServiceType(value: unknown): string | null {
  const raw = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
  if (hasControlCharacters(raw)) return null;
  const text = raw.trim().replace(/\s+/g, " ");
  if (text.length > MAX_SERVICE_TYPE_LENGTH || looksLikeIdentifier(text)) return null;
  return text;
}

/** Text of any cell, as a person would read it (for names and for the rejected-rows file). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  return String(value);
}

/** How the resident was served: at a village counter, at the agency's office, online, or on an outreach visit. */
export const SERVICE_CHANNELS = ["loket_desa", "kantor", "daring", "jemput_bola"] as const;
export type ServiceChannel = (typeof SERVICE_CHANNELS)[number];

const CHANNEL_BY_SPELLING = new Map<string, ServiceChannel>(SERVICE_CHANNELS.map((c) => [c.replace(/_/g, ""), c]));

/**
 * One of SERVICE_CHANNELS, whatever the case and with spaces, underscores and dashes ignored ("Loket
 * Desa", "JEMPUT-BOLA"); null for anything else. An empty cell is the caller's: it means not recorded.
 */
export function parseServiceChannel(value: unknown): ServiceChannel | null {
  if (typeof value !== "string") return null;
  return CHANNEL_BY_SPELLING.get(value.toLowerCase().replace(/[\s_-]+/g, "")) ?? null;
}
