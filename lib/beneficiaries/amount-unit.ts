/**
 * What an innovation's `nilai` (service-record amount) means, and how to show it. "IDR" is rupiah
 * (KUR credit: "Rp 5.000.000"); any other word is a count unit ("12 dokumen"); null is a plain
 * number. No "Rp" where the amount is not money. Pure, so client and server share it.
 */
export const RUPIAH = "IDR";

export type AmountUnit = string | null;

/** "rp", "Rp.", "rupiah" and "idr" all mean rupiah; an empty unit is none. */
export function normaliseAmountUnit(raw: string | null | undefined): AmountUnit {
  const text = (raw ?? "").trim();
  if (!text) return null;
  if (/^(idr|rp\.?|rupiah)$/i.test(text)) return RUPIAH;
  return text;
}

type FormatNumber = (value: number, options: { maximumFractionDigits: number }) => string;

/** An amount with its unit: "Rp 1.500.000", "23 dokumen", or "23". */
export function amountText(value: number | null, unit: AmountUnit, formatNumber: FormatNumber): string {
  if (value === null) return "—";
  if (unit === RUPIAH) return `Rp ${formatNumber(value, { maximumFractionDigits: 0 })}`;
  const number = formatNumber(value, { maximumFractionDigits: 2 });
  return unit ? `${number} ${unit}` : number;
}

/** The unit as a heading suffix: "Rp", "dokumen", or null for none. */
export function unitLabel(unit: AmountUnit): string | null {
  return unit === RUPIAH ? "Rp" : unit;
}
