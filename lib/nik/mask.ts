/**
 * Shows the area prefix (first 6) and serial (last 4) so staff can tell records apart and spot
 * the region, while hiding digits 7–12, which encode sex and the full birth date.
 */
export function maskNik(nik: string): string {
  // Anything that is not a clean NIK is masked completely: a partial mask of a malformed value
  // (a stray space, 17 digits) could shift which digits show and reveal the birth date.
  if (!/^[0-9]{16}$/.test(nik)) return "*".repeat(16);
  return `${nik.slice(0, 6)}******${nik.slice(12)}`;
}

/**
 * Age bands for impact aggregates. Bands, not ages, leave aggregates: a small group with exact
 * ages is easier to re-identify. The cut points follow common health/population reporting
 * (under-5, school age, youth, adults, pre-elderly, elderly).
 */
export const AGE_BANDS = ["0-4", "5-14", "15-24", "25-44", "45-64", "65+"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function ageBand(age: number): AgeBand {
  if (!Number.isFinite(age) || age < 0) throw new RangeError("ageBand: age must be a non-negative number");
  if (age < 5) return "0-4";
  if (age < 15) return "5-14";
  if (age < 25) return "15-24";
  if (age < 45) return "25-44";
  if (age < 65) return "45-64";
  return "65+";
}
