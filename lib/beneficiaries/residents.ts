import { inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { regions } from "@/db/schema/regions";
import { ValidationError } from "@/lib/errors";
import { ageBand, type AgeBand, lookupArea, type NikErrorCode } from "@/lib/nik";
import { wibToday } from "./import/values";

/*
 * What may be said about a resident without revealing who they are: sex, an age band and the area
 * where the NIK was issued, all derived from the stored columns (never from the decrypted NIK).
 */

export type Sex = "L" | "P";

export interface ResidentArea {
  /** The NIK's 6-digit area prefix (province, kabupaten, kecamatan of first issue). */
  code: string;
  kecamatan: string | null;
  kabupatenKota: string | null;
  provinsi: string | null;
}

export interface ResidentFacts {
  sex: Sex;
  ageBand: AgeBand;
  area: ResidentArea;
}

/** Whole years between two YYYY-MM-DD dates (a 29 Feb birthday is reached on 1 March). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = onDate.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function residentArea(code: string): ResidentArea {
  const area = lookupArea(code);
  return {
    code,
    kecamatan: area?.kecamatan ?? null,
    kabupatenKota: area?.kabupatenKota ?? null,
    provinsi: area?.provinsi ?? null,
  };
}

export function residentFacts(
  row: { sex: Sex; birthDate: string; issueAreaCode: string },
  today = wibToday(),
): ResidentFacts {
  return {
    sex: row.sex,
    ageBand: ageBand(Math.max(0, ageOn(row.birthDate, today))),
    area: residentArea(row.issueAreaCode),
  };
}

/**
 * A NIK that fails lib/nik's checks, as a 422 on the field `nik`. The message key names only the
 * code (validation.nik.<code>, the lib/nik wording); the value itself is never part of the error.
 */
export function invalidNikError(code: NikErrorCode, field = "nik"): ValidationError {
  return ValidationError.field(field, `v.nik.${code}`);
}

/** True when a free text holds digits enough to be (part of) a NIK, whatever separates them. */
export { looksLikeIdentifier } from "@/lib/nik";

/** Names of region codes (desa "18.11.01.2001", kecamatan "18.11.01") from the reference table. */
export async function regionNames(db: Executor, codes: Iterable<string>): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}
