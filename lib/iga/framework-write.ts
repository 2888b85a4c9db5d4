import type { Executor } from "@/db/client";
import { type FrameworkStatus, igaFrameworks, igaIndicators } from "@/db/schema/iga";
import type { Indicator, RuleSet } from "./rule-set";

/** An indicator as stored; sortOrder keeps the guideline's order (region lines first, then per innovation). */
export function indicatorRow(frameworkId: string, indicator: Indicator, sortOrder: number) {
  return {
    frameworkId,
    code: indicator.code,
    scope: indicator.scope,
    name: indicator.name,
    weight: indicator.weight,
    levels: indicator.levels,
    evidence: indicator.evidence,
    mandatory: indicator.mandatory,
    derivedFrom: indicator.derivedFrom ?? null,
    sortOrder,
  };
}

/**
 * Stores a validated rule set as a new framework with its indicators, inside the caller's
 * transaction. `extraFormula` keeps data the engine does not read (beneficiary thresholds) beside
 * the formula constants.
 */
export async function insertRuleSet(
  tx: Executor,
  ruleSet: RuleSet,
  status: FrameworkStatus,
  extraFormula: Record<string, unknown> = {},
) {
  const [framework] = await tx
    .insert(igaFrameworks)
    .values({
      year: ruleSet.year,
      name: ruleSet.name,
      status,
      formula: { ...extraFormula, ...ruleSet.formula },
      categories: ruleSet.categories,
      sources: ruleSet.sources,
      parameterStatus: ruleSet.parameterStatus,
    })
    .returning();
  await tx
    .insert(igaIndicators)
    .values(ruleSet.indicators.map((indicator, i) => indicatorRow(framework.id, indicator, i)));
  return framework;
}
