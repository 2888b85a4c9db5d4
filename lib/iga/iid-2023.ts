import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseRuleSet, type RuleSet } from "./rule-set";

/**
 * Adapter for the shipped 2023 file (lib/iga/rule-sets/iid-2023-indicators.json). The file states its
 * formula as prose, so the constants below are the 2023 guideline's numbers written out once, here.
 */

const fileIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  weight: z.number(),
  levels: z.array(z.string()),
  evidence: z.string(),
  /** Used by a future rule set; a 2023 rule set does not need it. */
  mandatory: z.boolean().optional(),
  derived_from: z.enum(["beneficiaries"]).optional(),
});

const fileSchema = z.object({
  framework: z.string(),
  legal_basis: z.array(z.string()).default([]),
  categories: z.array(z.object({ name: z.string(), min: z.number(), max: z.number() })),
  region_indicators: z.array(fileIndicatorSchema),
  innovation_indicators: z.array(fileIndicatorSchema),
});

/** The 2023 formula: (SPD + SID + min(n, 200) × 0.38) / 250 × 100, SID divided by max(10, n). */
const FORMULA_2023 = {
  maxTotal: 250,
  divisorFloor: 10,
  countFactor: 0.38,
  countCap: 200,
  minBasicServiceAffairs: null,
  // "One innovation can be entered at most twice" (domain brief): so last year's may come back.
  eligibleYearsBack: 1,
  maxAssessmentYears: 2,
} as const;

/** What the 2023 file does not state itself, marked so nobody mistakes it for the guideline's text. */
const PARAMETER_STATUS_2023 = {
  eligibleYearsBack: { status: "assumed", note: "Applied in 2022 or 2023: follows from the two-year limit." },
  maxAssessmentYears: { status: "assumed", note: "Two, as the regional pages report from 2024 on." },
} as const;

export const IID_2023_PATH = "lib/iga/rule-sets/iid-2023-indicators.json";

/**
 * `mandatory` is false unless the file says `mandatory`: the file's `mandatory_2026` flag belongs
 * to the 2026 draft, not to 2023, so it is deliberately not carried into this year's rule set.
 */
export function ruleSet2023FromJson(json: unknown): RuleSet {
  const file = fileSchema.parse(json);
  const indicator = (scope: "region" | "innovation") => (x: z.infer<typeof fileIndicatorSchema>) => ({
    code: x.code,
    name: x.name,
    scope,
    weight: x.weight,
    levels: x.levels,
    evidence: x.evidence,
    mandatory: x.mandatory ?? false,
    derivedFrom: x.derived_from ?? null,
  });
  return parseRuleSet({
    year: 2023,
    name: file.framework,
    indicators: [
      ...file.region_indicators.map(indicator("region")),
      ...file.innovation_indicators.map(indicator("innovation")),
    ],
    categories: file.categories,
    formula: FORMULA_2023,
    // "Surat Mendagri 400.10.11/2704/SJ (18 Mei 2023): Pedoman Umum IGA 2023" → title, number, date.
    sources: file.legal_basis.map(sourceFromLegalBasis),
    parameterStatus: PARAMETER_STATUS_2023,
  });
}

const MONTHS: Record<string, string> = {
  januari: "01",
  februari: "02",
  maret: "03",
  april: "04",
  mei: "05",
  juni: "06",
  juli: "07",
  agustus: "08",
  september: "09",
  oktober: "10",
  november: "11",
  desember: "12",
};

function sourceFromLegalBasis(text: string) {
  const match = /^(.*?)\s*\((\d{1,2}) (\p{L}+) (\d{4})\)\s*(?::\s*(.*))?$/u.exec(text);
  const month = match ? MONTHS[match[3].toLowerCase()] : undefined;
  if (!match || !month) return { title: text, reference: text, date: "" };
  return {
    title: match[5] || match[1],
    reference: match[1],
    date: `${match[4]}-${month}-${match[2].padStart(2, "0")}`,
  };
}

/** Reads and converts the shipped 2023 file, relative to `cwd` (the repo root when run normally). */
export function loadRuleSet2023(cwd: string = process.cwd()): RuleSet {
  const text = readFileSync(path.join(cwd, IID_2023_PATH), "utf8");
  return ruleSet2023FromJson(JSON.parse(text));
}
