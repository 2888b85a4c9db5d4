import { z } from "zod";
import { PROFILE_2026_FIELDS } from "@/db/schema/innovation-vocabulary";

/**
 * One year's IID rule set, as data. Indicators, weights, thresholds and formula constants change
 * from year to year (2023 divides by max(10, n), the 2026 draft by max(12, n) and adds a
 * basic-service rule), so the score engine reads all of them from here and hard-codes none.
 */

/** A chosen level: 1..3, picked by the evidence. */
export type Level = 1 | 2 | 3;

const indicatorScopeSchema = z.enum(["region", "innovation"]);
export type IndicatorScope = z.infer<typeof indicatorScopeSchema>;

const indicatorSchema = z.object({
  code: z.string().trim().min(1),
  name: z.string().trim().min(1),
  scope: indicatorScopeSchema,
  weight: z.number().positive().finite(),
  /** Descriptions of level 1, 2 and 3, in that order. */
  levels: z.array(z.string().trim().min(1)).length(3),
  /** What evidence (data dukung) the evaluators accept. */
  evidence: z.string(),
  mandatory: z.boolean(),
  /** "beneficiaries": the level can be proposed from the register (lib/iga/benefit-proposal.ts). */
  derivedFrom: z.enum(["beneficiaries"]).nullish(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const categorySchema = z
  .object({ name: z.string().trim().min(1), min: z.number().finite(), max: z.number().finite() })
  .refine((c) => c.min <= c.max, { message: "min must not exceed max", path: ["min"] });
export type Category = z.infer<typeof categorySchema>;

/** The six basic-service affairs (wajib pelayanan dasar, UU 23/2014 Pasal 12 ayat 1). */
export const DEFAULT_BASIC_SERVICE_AFFAIRS = [
  "pendidikan",
  "kesehatan",
  "pekerjaan_umum_dan_penataan_ruang",
  "perumahan_rakyat_dan_kawasan_permukiman",
  "ketenteraman_ketertiban_umum_dan_pelindungan_masyarakat",
  "sosial",
] as const;

const formulaSchema = z.object({
  /** The index is (spd + sid + count) / maxTotal × 100. */
  maxTotal: z.number().positive().finite(),
  /** sid divides by max(divisorFloor, n), so a few strong innovations cannot beat many. */
  divisorFloor: z.number().int().positive(),
  countFactor: z.number().nonnegative().finite(),
  countCap: z.number().int().nonnegative(),
  /** 2026: the count score is 0 unless this many of `basicServiceAffairs` are covered (null: no gate). */
  minBasicServiceAffairs: z.number().int().nonnegative().nullable(),
  /** The affairs (urusan codes, lib/reference/affairs.ts) the gate counts: the six of UU 23/2014 by default. */
  basicServiceAffairs: z.array(z.string().trim().min(1)).default(() => [...DEFAULT_BASIC_SERVICE_AFFAIRS]),
  /** Eligible innovations were applied in the assessment year or up to this many years before it. */
  eligibleYearsBack: z.number().int().nonnegative().default(0),
  /** How many assessment years one innovation may be entered in (null: no limit stated). */
  maxAssessmentYears: z.number().int().positive().nullable().default(null),
  /**
   * Profile fields beyond the base profile that each innovation sent must have (2026: classification,
   * coordinates, Asta Cita, national-priority cluster, latest-development date). Empty: none asked.
   */
  requiredProfileFields: z.array(z.enum(PROFILE_2026_FIELDS)).default([]),
});
export type Formula = z.infer<typeof formulaSchema>;

/** Where a stated parameter comes from: a decree, a letter, a regional page citing it. */
const sourceSchema = z.object({
  title: z.string().trim().min(1),
  /** A URL or a decree/letter number. */
  reference: z.string().trim().min(1),
  /** ISO date (yyyy-mm-dd) or a year when the day is not known; empty when unknown. */
  date: z.string().trim().default(""),
});
export type RuleSetSource = z.infer<typeof sourceSchema>;

/**
 * Whether a parameter is confirmed by a published decree ("official") or the best-known value
 * until it is ("assumed"). Keys name the parameter: "divisorFloor", "categories.Inovatif", …
 */
const parameterStatusSchema = z.object({
  status: z.enum(["official", "assumed"]),
  note: z.string().trim().default(""),
});
export type ParameterStatus = z.infer<typeof parameterStatusSchema>;

/** Max score of a set of indicators: every one at level 3 with evidence. */
export function maxScore(indicators: readonly Indicator[]): number {
  return indicators.reduce((sum, i) => sum + i.weight * 3, 0);
}

export const ruleSetSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    name: z.string().trim().min(1),
    indicators: z.array(indicatorSchema).min(1),
    /** Ordered from the highest band to the lowest, without overlaps. */
    categories: z.array(categorySchema).min(1),
    formula: formulaSchema,
    sources: z.array(sourceSchema).default([]),
    parameterStatus: z.record(z.string(), parameterStatusSchema).default({}),
  })
  .superRefine((rs, ctx) => {
    const seen = new Set<string>();
    rs.indicators.forEach((indicator, i) => {
      if (seen.has(indicator.code)) {
        ctx.addIssue({
          code: "custom",
          message: `duplicate indicator code ${indicator.code}`,
          path: ["indicators", i, "code"],
        });
      }
      seen.add(indicator.code);
    });
    // Category lookup relies on this order: a value in a gap falls to the lower band.
    for (let i = 1; i < rs.categories.length; i++) {
      if (!(rs.categories[i].max < rs.categories[i - 1].min)) {
        ctx.addIssue({
          code: "custom",
          message: "categories must be ordered from highest to lowest and must not overlap",
          path: ["categories", i],
        });
      }
    }
    // If the parts do not add up to maxTotal, 100 stops being the top of the scale.
    const parts =
      maxScore(rs.indicators.filter((x) => x.scope === "region")) +
      maxScore(rs.indicators.filter((x) => x.scope === "innovation")) +
      rs.formula.countCap * rs.formula.countFactor;
    if (Math.abs(parts - rs.formula.maxTotal) > 1e-9) {
      ctx.addIssue({
        code: "custom",
        message: `region max + innovation max + count max = ${parts}, but maxTotal is ${rs.formula.maxTotal}`,
        path: ["formula", "maxTotal"],
      });
    }
  });
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** Validates unknown data (a database row, an uploaded file) as a rule set; throws a ZodError. */
export function parseRuleSet(data: unknown): RuleSet {
  return ruleSetSchema.parse(data);
}
