import { normaliseAmountUnit } from "@/lib/beneficiaries/amount-unit";
import { z } from "zod";
import { AFFAIR_CODES } from "@/lib/reference/affairs";
import {
  CLASSIFICATIONS,
  INITIATOR_TYPES,
  INNOVATION_FORMS,
  INNOVATION_TYPES,
  PRIORITY_CLUSTERS,
  STAGES,
  THEMES,
} from "./vocabulary";
import { coordinate, notInFuture, profile2026Rules } from "./profile-2026";

/** Rancang bangun must reach this many words before an innovation can be submitted to the IGA. */
export const MIN_DESIGN_WORDS = 300;

export function countWords(text: string | null | undefined): number {
  return text ? (text.trim().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0) : 0;
}

const isoDate = z.iso.date({ error: "v.date" });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "v.tooLong" })
    .nullish()
    // Browsers submit textarea line breaks as CRLF; stored text uses LF, so an untouched field
    // compares equal and the history does not show a change nobody made.
    .transform((v) => (v ? v.replace(/\r\n?/g, "\n") : null));
const affair = z.enum(AFFAIR_CODES as [string, ...string[]], { error: "v.affair" });

/** Every field of the IGA profile, as stored. Shared by the form, the API, the import and the CLI. */
export const profileShape = {
  name: z.string().trim().min(3, { error: "v.innovationName" }).max(200, { error: "v.tooLong" }),
  agencyId: z.uuid({ error: "v.agency" }),
  summary: optionalText(1000),
  stage: z.enum(STAGES, { error: "v.stage" }),
  initiatorType: z
    .enum(INITIATOR_TYPES, { error: "v.choice" })
    .nullish()
    .transform((v) => v ?? null),
  initiatorName: optionalText(200),
  innovationType: z
    .enum(INNOVATION_TYPES, { error: "v.choice" })
    .nullish()
    .transform((v) => v ?? null),
  form: z
    .enum(INNOVATION_FORMS, { error: "v.choice" })
    .nullish()
    .transform((v) => v ?? null),
  theme: z
    .enum(THEMES, { error: "v.choice" })
    .nullish()
    .transform((v) => v ?? null),
  mainAffair: affair.nullish().transform((v) => v ?? null),
  otherAffairs: z.array(affair).max(10).default([]),
  trialDate: isoDate.nullish().transform((v) => v ?? null),
  implementationDate: isoDate.nullish().transform((v) => v ?? null),
  design: optionalText(60_000),
  goals: optionalText(5000),
  benefits: optionalText(5000),
  results: optionalText(5000),
  yearApplied: z.coerce
    .number({ error: "v.year" })
    .int({ error: "v.year" })
    .min(2017, { error: "v.year" })
    .max(2100, { error: "v.year" }),
  // The 2026 profile (Profil 2026): optional here; a year whose rule set lists them requires them
  // at submission (lib/submissions/preflight-rules.ts).
  classification: z
    .enum(CLASSIFICATIONS, { error: "v.choice" })
    .nullish()
    .transform((v) => v ?? null),
  latitude: coordinate(90, "v.latitude"),
  longitude: coordinate(180, "v.longitude"),
  astaCita: z.coerce
    .number({ error: "v.astaCita" })
    .int({ error: "v.astaCita" })
    .min(1, { error: "v.astaCita" })
    .max(8, { error: "v.astaCita" })
    .nullish()
    .transform((v) => v ?? null),
  priorityCluster: z
    .enum(PRIORITY_CLUSTERS, { error: "v.choice" })
    .nullish()
    .transform((v) => v ?? null),
  latestDevelopmentDate: isoDate
    .refine(notInFuture, { error: "v.futureDate" })
    .nullish()
    .transform((v) => v ?? null),
  // What the beneficiary `nilai` means ("IDR" rupiah, a unit word, or none). Left out (undefined),
  // a write keeps the stored unit: the catalogue import has no such column.
  amountUnit: z
    .string()
    .max(30, { error: "v.tooLong" })
    .nullish()
    .transform((v) => (v === undefined ? undefined : normaliseAmountUnit(v))),
};

type Dated = { trialDate?: string | null; implementationDate?: string | null };
const trialNotAfterImplementation = (p: Dated) =>
  !p.trialDate || !p.implementationDate || p.trialDate <= p.implementationDate;
const dateRule = { path: ["trialDate"], error: "v.trialAfterImplementation" };

/** What can be saved: a draft may be incomplete, but what it holds must be valid. */
export const innovationDraftSchema = z
  .object(profileShape)
  .refine(trialNotAfterImplementation, dateRule)
  .superRefine(profile2026Rules);
export type InnovationDraft = z.output<typeof innovationDraftSchema>;
export type InnovationDraftInput = z.input<typeof innovationDraftSchema>;

export const innovationPatchSchema = z
  .object(profileShape)
  .partial()
  .extend({ id: z.uuid(), version: z.coerce.number().int().min(1, { error: "v.version" }) });
export type InnovationPatchInput = z.input<typeof innovationPatchSchema>;

const filled = (v: unknown) => v !== null && v !== undefined && v !== "" && !(Array.isArray(v) && v.length === 0);

/** The fields the IGA needs for submission, and which are still missing (drives the completeness indicator). */
export const SUBMISSION_FIELDS = [
  "name",
  "agencyId",
  "stage",
  "initiatorType",
  "initiatorName",
  "innovationType",
  "form",
  "theme",
  "mainAffair",
  "trialDate",
  "implementationDate",
  "design",
  "goals",
  "benefits",
  "results",
  "yearApplied",
] as const;
export type SubmissionField = (typeof SUBMISSION_FIELDS)[number];

export interface Completeness {
  complete: boolean;
  percent: number;
  missing: SubmissionField[];
  designWords: number;
}

export function completeness(p: Partial<Record<SubmissionField, unknown>>): Completeness {
  const needed = SUBMISSION_FIELDS.filter(
    (f) => !(f === "trialDate" && p.stage === "inisiatif") && !(f === "implementationDate" && p.stage !== "penerapan"),
  );
  const designWords = countWords(p.design as string | null);
  const missing = needed.filter((f) => (f === "design" ? designWords < MIN_DESIGN_WORDS : !filled(p[f])));
  return {
    complete: missing.length === 0,
    percent: Math.round(((needed.length - missing.length) / needed.length) * 100),
    missing,
    designWords,
  };
}
