import { z } from "zod";
import type { Profile2026Field } from "./vocabulary";

/**
 * The 2026 profile fields (Surat Kepala BSKDN 400.10.11/1887/BSKDN): classification, coordinates,
 * Asta Cita priority, national-priority cluster and latest-development date. Validation helpers for
 * lib/innovations/schemas.ts, and which of them an innovation still lacks (the pre-flight of a year
 * whose rule set lists them in formula.requiredProfileFields, and the form's Profil 2026 meter).
 * No database imports: the form uses this module.
 */

/** The form's and the import's inputs for the 2026 profile ("coordinates" is two of them). */
export const PROFILE_2026_FORM_FIELDS = [
  "classification",
  "latitude",
  "longitude",
  "astaCita",
  "priorityCluster",
  "latestDevelopmentDate",
] as const;
export type Profile2026FormField = (typeof PROFILE_2026_FORM_FIELDS)[number];

/** Today's date where the regencies are (WIB), as yyyy-mm-dd. */
export function todayWib(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(now);
}

export const notInFuture = (date: string) => date <= todayWib();

/** A latitude or longitude in degrees, within ±limit; kept to 6 decimals, as the column stores it. */
export function coordinate(limit: number, error: string) {
  return z.coerce
    .number({ error })
    .min(-limit, { error })
    .max(limit, { error })
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : Math.round(v * 1e6) / 1e6));
}

/** Degrees as people type them in a spreadsheet: a decimal comma ("-4,05") or a Unicode minus. */
export function normaliseDegrees(text: string): string {
  const clean = text.trim().replace(/\u2212/g, "-");
  return /^[-+]?\d+,\d+$/.test(clean) ? clean.replace(",", ".") : clean;
}

type Coordinates = { latitude?: number | null; longitude?: number | null };

/** Latitude and longitude come together: one without the other points nowhere. */
export function coordinatesPairIssue(p: Coordinates): "latitude" | "longitude" | null {
  const lat = p.latitude ?? null;
  const lon = p.longitude ?? null;
  if ((lat === null) === (lon === null)) return null;
  return lat === null ? "latitude" : "longitude";
}

export function profile2026Rules(p: Coordinates, ctx: z.RefinementCtx) {
  const missing = coordinatesPairIssue(p);
  if (missing) ctx.addIssue({ code: "custom", path: [missing], message: "v.coordinatesPair" });
}

export interface Profile2026Values {
  classification?: unknown;
  latitude?: unknown;
  longitude?: unknown;
  astaCita?: unknown;
  priorityCluster?: unknown;
  latestDevelopmentDate?: unknown;
}

const filled = (v: unknown) => v !== null && v !== undefined && v !== "";

/** Of the fields a rule set requires, those the profile lacks ("coordinates": both degrees). */
export function missingProfile2026(p: Profile2026Values, required: readonly Profile2026Field[]): Profile2026Field[] {
  return required.filter((f) =>
    f === "coordinates" ? !(filled(p.latitude) && filled(p.longitude)) : !filled(p[f as keyof Profile2026Values]),
  );
}
