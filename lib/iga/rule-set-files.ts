import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { loadRuleSet2023 } from "./iid-2023";
import { parseRuleSet, type RuleSet } from "./rule-set";

/**
 * The rule sets shipped with the app: 2023 from its own file, and each later year from a small
 * file (lib/iga/rule-sets/iid-<year>.json) that states what changed — formula constants, bands, the
 * sources they come from and which values are assumed — on top of a base year's indicators. A new
 * year is a new file here (or an admin's clone in the editor), never code.
 */

export const SHIPPED_YEARS = [2023, 2024, 2025, 2026] as const;
export const ruleSetFilePath = (year: number) => `lib/iga/rule-sets/iid-${year}.json`;

const overrideSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

const yearFileSchema = z.object({
  year: z.number().int(),
  name: z.string(),
  basedOn: z.literal(2023),
  formula: z.record(z.string(), z.unknown()),
  categories: z.array(z.unknown()),
  sources: z.array(z.unknown()),
  parameterStatus: z.record(z.string(), z.unknown()),
  /** Indicator codes this year makes mandatory (2026); the others are not. */
  mandatoryIndicators: z.array(z.string()).default([]),
  /** Per-indicator fields added or replaced, e.g. `derivedFrom: "beneficiaries"` on Kemanfaatan inovasi. */
  indicatorOverrides: overrideSchema.default({}),
});

/** A later year's file applied to its base year's indicators, validated as a whole rule set. */
export function ruleSetFromYearFile(json: unknown, base: RuleSet): RuleSet {
  const file = yearFileSchema.parse(json);
  const mandatory = new Set(file.mandatoryIndicators);
  for (const code of [...mandatory, ...Object.keys(file.indicatorOverrides)]) {
    if (!base.indicators.some((i) => i.code === code))
      throw new Error(`iid-${file.year}.json names indicator ${code}, which ${base.year} does not have`);
  }
  return parseRuleSet({
    year: file.year,
    name: file.name,
    indicators: base.indicators.map((i) => ({
      ...i,
      mandatory: mandatory.has(i.code),
      ...file.indicatorOverrides[i.code],
    })),
    categories: file.categories,
    formula: file.formula,
    sources: file.sources,
    parameterStatus: file.parameterStatus,
  });
}

/** Every shipped rule set, oldest first, read relative to `cwd` (the repo root when run normally). */
export function loadShippedRuleSets(cwd: string = process.cwd()): RuleSet[] {
  const base = loadRuleSet2023(cwd);
  const later = SHIPPED_YEARS.filter((y) => y !== 2023).map((year) =>
    ruleSetFromYearFile(JSON.parse(readFileSync(path.join(cwd, ruleSetFilePath(year)), "utf8")), base),
  );
  return [base, ...later];
}

export function loadShippedRuleSet(year: number, cwd?: string): RuleSet {
  const found = loadShippedRuleSets(cwd).find((r) => r.year === year);
  if (!found) throw new Error(`no shipped rule set for ${year}`);
  return found;
}
