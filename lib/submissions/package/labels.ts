import { MESSAGES } from "@/i18n/messages";
import { affairName } from "@/lib/reference/affairs";
import { astaCitaLabel } from "@/lib/reference/asta-cita";
import type { SnapshotContent, SnapshotProfile } from "../content";

/**
 * The package is for the ministry's evaluators, so it is worded in Bahasa Indonesia whatever the
 * language of the person who downloads it: labels come from the Indonesian messages.
 */
type Tree = { [key: string]: string | Tree };
const id = MESSAGES.id as Tree;

function lookup(path: string): string | undefined {
  let node: string | Tree | undefined = id;
  for (const part of path.split(".")) node = typeof node === "object" ? node[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

export const PROFILE_FIELDS = [
  "name",
  "summary",
  "stage",
  "initiatorType",
  "initiatorName",
  "innovationType",
  "form",
  "theme",
  "mainAffair",
  "otherAffairs",
  "trialDate",
  "implementationDate",
  "yearApplied",
  "goals",
  "benefits",
  "results",
  "design",
] as const satisfies readonly (keyof SnapshotProfile)[];

export function fieldLabel(field: string): string {
  return lookup(`catalogue.fields.${field}`) ?? field;
}

/** A profile value as an evaluator reads it: vocabulary codes as their names, affairs by name. */
export function valueLabel(field: keyof SnapshotProfile, value: unknown): string {
  if (value === null || value === undefined || value === "") return "–";
  if (field === "mainAffair") return affairName(String(value));
  if (field === "otherAffairs") return (value as string[]).map(affairName).join("; ") || "–";
  if (
    field === "stage" ||
    field === "initiatorType" ||
    field === "innovationType" ||
    field === "form" ||
    field === "theme"
  ) {
    return lookup(`vocab.${field}.${String(value)}`) ?? String(value);
  }
  if (field === "isSample") return value ? "Ya" : "Tidak";
  return String(value);
}

/** The 2026 profile fields, in the package's order ("coordinates": latitude and longitude together). */
export const PROFILE_2026_PACKAGE_FIELDS = [
  "classification",
  "coordinates",
  "astaCita",
  "priorityCluster",
  "latestDevelopmentDate",
] as const;
export type Profile2026PackageField = (typeof PROFILE_2026_PACKAGE_FIELDS)[number];

/**
 * Whether the package shows the 2026 profile: when the year's rules ask for it, or any innovation
 * sent holds a value (a year before 2026 otherwise gets no column of dashes).
 */
export function showsProfile2026(content: SnapshotContent): boolean {
  if ((content.ruleSet.formula.requiredProfileFields ?? []).length > 0) return true;
  return content.innovations.some((i) =>
    [i.profile.classification, i.profile.latitude, i.profile.astaCita, i.profile.priorityCluster].some(
      (v) => v !== null && v !== undefined,
    ),
  );
}

/** A 2026 profile value in words: codes by their Indonesian names, Asta Cita by its text. */
export function profile2026Label(field: Profile2026PackageField, p: SnapshotProfile): string {
  switch (field) {
    case "coordinates":
      return p.latitude === null || p.latitude === undefined || p.longitude === null || p.longitude === undefined
        ? "–"
        : `${p.latitude}, ${p.longitude}`;
    case "astaCita":
      return astaCitaLabel(p.astaCita) ?? "–";
    case "latestDevelopmentDate":
      return longDate(p.latestDevelopmentDate ?? null);
    default: {
      const code = p[field];
      return code ? (lookup(`vocab.${field}.${code}`) ?? code) : "–";
    }
  }
}

/** A score as Indonesian readers write it: "64,67", "1.250,00". */
export function decimal(n: number): string {
  return new Intl.NumberFormat("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
}

/** "2023-02-01" → "1 Februari 2023". */
export function longDate(iso: string | null): string {
  if (!iso) return "–";
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat("id-ID", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(
    d,
  );
}

export const REVIEW_LABEL: Record<string, string> = {
  pending: "Belum diperiksa",
  accepted: "Diterima",
  needs_work: "Perlu perbaikan",
};
