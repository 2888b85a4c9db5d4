import { lookupArea, type NikArea } from "./area-codes";
import {
  NIK_ERROR_MESSAGES,
  NIK_WARNING_MESSAGES,
  type LocalizedMessage,
  type NikErrorCode,
  type NikWarningCode,
} from "./messages";

export interface NikWarning {
  code: NikWarningCode;
  message: LocalizedMessage;
}

export interface NikParsed {
  ok: true;
  /** The normalised NIK: exactly 16 ASCII digits. Treat it as confidential from here on. */
  nik: string;
  sex: "L" | "P";
  /** YYYY-MM-DD, with the century chosen as described in `parseNik`. */
  birthDate: string;
  /** Whole years at `today`. */
  age: number;
  areaCode: string;
  area: NikArea | null;
  warnings: NikWarning[];
}

export interface NikInvalid {
  ok: false;
  code: NikErrorCode;
  message: LocalizedMessage;
}

export type NikResult = NikParsed | NikInvalid;

export interface ParseNikOptions {
  /** The reference instant for the century choice and the age; defaults to now. */
  today?: Date;
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

// JS `\s` already covers NBSP (U+00A0), U+202F and the BOM; zero-width spaces are not
// whitespace to JS but do arrive when a NIK is copied out of a web page or a PDF.
const EDGE_JUNK = /^[\s\u200B\u2060]+|[\s\u200B\u2060]+$/g;
// People group a NIK as "1811 0101 0190 0001"; only space separators are harmless grouping.
const INNER_SPACE = /[\p{Zs}\u200B\u2060]/gu;
// Excel's leading apostrophe marks a cell as text; word processors curl it into ‘ or ’.
const TEXT_MARKER = /^['\u2018\u2019]/;
// "1.81101E+15", "1,81101E+15" (Indonesian locale uses a decimal comma), "1.811010101900E15".
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d*)?e[+-]?\d+$/i;
// A float rendered with decimals: "1811010101900001.0", "181101010190000,5", "1811010101.00".
const DECIMAL_LONG = /^\d{15,}[.,]\d+$/;
const DECIMAL_ZERO = /^\d+[.,]0+$/;

// Mesuji (Lampung) is in WIB, which has been a fixed UTC+7 with no daylight saving since 1964.
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

function fail(code: NikErrorCode): NikInvalid {
  return { ok: false, code, message: NIK_ERROR_MESSAGES[code] };
}

/** Turns whatever came in (cell value, JSON field, form text) into a digit string, or an error. */
function normalise(raw: unknown): { digits: string } | NikErrorCode {
  if (raw === null || raw === undefined) return "nik_missing";
  let text: string;
  if (typeof raw === "number") {
    if (!Number.isFinite(raw) || raw < 0) return "nik_not_digits";
    // A fraction, or a value at or above 2^53, means the NIK passed through a float (Excel,
    // JSON.parse of an unquoted number): its last digits can no longer be trusted.
    if (!Number.isSafeInteger(raw)) return "nik_excel_damaged";
    text = String(raw);
  } else if (typeof raw === "bigint") {
    if (raw < 0n) return "nik_not_digits";
    text = raw.toString();
  } else if (typeof raw === "string") {
    text = raw;
  } else {
    return "nik_not_digits";
  }

  text = text.replace(EDGE_JUNK, "").replace(TEXT_MARKER, "").replace(EDGE_JUNK, "");
  if (text === "") return "nik_missing";
  if (SCIENTIFIC.test(text) || DECIMAL_LONG.test(text) || DECIMAL_ZERO.test(text)) {
    return "nik_excel_damaged";
  }
  // Dots and dashes are deliberately not stripped: they are not how NIKs are written, so they
  // more likely signal a different identifier (a KK number, a phone number) pasted by mistake.
  const digits = text.replace(INNER_SPACE, "");
  if (!/^[0-9]+$/.test(digits)) return "nik_not_digits";
  // 15 digits is the usual trace of a digit lost while a spreadsheet held the value; "export
  // the column as text" fixes it more often than the bare "must be 16 digits" would.
  if (digits.length === 15) return "nik_excel_damaged";
  if (digits.length !== 16) return "nik_length";
  return { digits };
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/**
 * The calendar date of `instant` in WIB. Using the server's local zone would make the age (and
 * the century near a birthday) depend on where the code runs; UTC would be a day behind between
 * 00:00 and 07:00 local time.
 */
function wibDate(instant: Date): CalendarDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError("parseNik: options.today is an invalid Date");
  const shifted = new Date(t + WIB_OFFSET_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/**
 * The NIK stores only two year digits. Take the latest year ending in them whose date is real
 * and not after today; step back one century at most, since nobody alive was born before that.
 * Checking "real" per candidate matters only for 29 Feb across 2100/2000 (2100 is not leap).
 */
function resolveBirthDate(day: number, month: number, yy: number, today: CalendarDate): CalendarDate | null {
  const latest = today.year - ((((today.year - yy) % 100) + 100) % 100);
  for (const year of [latest, latest - 100]) {
    const candidate = { year, month, day };
    if (day <= daysInMonth(year, month) && compareDates(candidate, today) <= 0) return candidate;
  }
  return null;
}

/** Whole years; a 29 Feb birthday is reached on 1 March in common years. */
function ageAt(birth: CalendarDate, today: CalendarDate): number {
  const beforeBirthday = today.month < birth.month || (today.month === birth.month && today.day < birth.day);
  return today.year - birth.year - (beforeBirthday ? 1 : 0);
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/**
 * Validates and decodes a NIK: 2 digits province, 2 kabupaten/kota, 2 kecamatan (where it was
 * first issued), DDMMYY birth date (day + 40 for women), 4 serial. There is no check digit, so
 * this catches typing and spreadsheet damage, not a made-up NIK.
 *
 * Never throws on bad input (only on an invalid `options.today`): import code calls it per row.
 */
export function parseNik(raw: unknown, options: ParseNikOptions = {}): NikResult {
  const normalised = normalise(raw);
  if (typeof normalised === "string") return fail(normalised);
  const nik = normalised.digits;

  // Checked before the date so that every "…0000" gets the hint about Excel's rounding.
  if (nik.endsWith("0000")) return fail("nik_bad_serial");

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = rawDay > 40 ? "P" : "L";
  const day = sex === "P" ? rawDay - 40 : rawDay;
  if (day < 1 || day > 31 || month < 1 || month > 12) return fail("nik_bad_date");

  const today = wibDate(options.today ?? new Date());
  const birth = resolveBirthDate(day, month, yy, today);
  if (!birth) return fail("nik_bad_date");

  const areaCode = nik.slice(0, 6);
  const area = lookupArea(areaCode);
  const warnings: NikWarning[] = [];
  // Accepted anyway: the list can lag behind new kecamatan, and rejecting a resident's real NIK
  // at a service counter costs more than a wrong code that the warning prompts someone to check.
  if (!area) warnings.push({ code: "nik_area_unknown", message: NIK_WARNING_MESSAGES.nik_area_unknown });

  return {
    ok: true,
    nik,
    sex,
    birthDate: `${pad(birth.year, 4)}-${pad(birth.month, 2)}-${pad(birth.day, 2)}`,
    age: ageAt(birth, today),
    areaCode,
    area,
    warnings,
  };
}
