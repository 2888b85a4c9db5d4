import { translator } from "@/lib/i18n/translator";

/**
 * Stable codes: the API returns them and clients match on them, so never rename one.
 * Order is roughly the order in which `parseNik` checks.
 */
export const NIK_ERROR_CODES = [
  "nik_missing",
  "nik_excel_damaged",
  "nik_not_digits",
  "nik_length",
  "nik_bad_serial",
  "nik_bad_date",
] as const;
export type NikErrorCode = (typeof NIK_ERROR_CODES)[number];

export const NIK_WARNING_CODES = ["nik_area_unknown"] as const;
export type NikWarningCode = (typeof NIK_WARNING_CODES)[number];

/** Bahasa Indonesia first: it is what operators in the regency read; English is for the API. */
export interface LocalizedMessage {
  id: string;
  en: string;
}

/** A message in both languages, from the messages/ files (validation.nik*, residents.json). */
function both(key: string): LocalizedMessage {
  return { id: translator("id")(key), en: translator("en")(key) };
}

/**
 * Fixed texts, never templated with the input: population data of individuals is confidential
 * (UU 24/2013 Pasal 79, UU 27/2022), and these messages end up in API responses, toasts and
 * logs. For the same reason no message contains a run of three or more digits, so not even a
 * fragment of a NIK could appear here (tested as a property). The words live in
 * messages/{id,en}/residents.json, the one place every message is written.
 */
export const NIK_ERROR_MESSAGES: Readonly<Record<NikErrorCode, LocalizedMessage>> = Object.fromEntries(
  NIK_ERROR_CODES.map((code) => [code, both(`validation.nik.${code}`)]),
) as Record<NikErrorCode, LocalizedMessage>;

export const NIK_WARNING_MESSAGES: Readonly<Record<NikWarningCode, LocalizedMessage>> = Object.fromEntries(
  NIK_WARNING_CODES.map((code) => [code, both(`validation.nikWarning.${code}`)]),
) as Record<NikWarningCode, LocalizedMessage>;
