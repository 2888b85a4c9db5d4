import { MESSAGES } from "@/i18n/messages";
import { affairName } from "@/lib/reference/affairs";
import type { SnapshotProfile } from "../content";

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
