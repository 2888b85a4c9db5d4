import type { RuleSet } from "./rule-set";
import { computeRawIndex, coveredBasicServiceAffairs, type IndexInput } from "./score";

/**
 * What a year's basic-service gate (2026: the count score is 0 unless 5 of the 6 basic-service
 * affairs are covered) asks of the region: for each affair not yet covered, the index points that
 * one more innovation in it would add, counted as a new innovation with no levels yet (it raises n
 * and may open the gate). Computed by re-running the engine, so any year's rules apply unchanged.
 */
export interface AffairGain {
  affair: string;
  /** Index points (0..100, unrounded) of adding one innovation in this affair; may be ≤ 0. */
  indexGain: number;
  /** How many more gate affairs would still be missing after this one. */
  stillMissing: number;
}

export function affairGains(ruleSet: RuleSet, input: IndexInput): AffairGain[] {
  const f = ruleSet.formula;
  if (f.minBasicServiceAffairs === null) return [];
  const covered = new Set(coveredBasicServiceAffairs(f, input.innovations));
  if (covered.size >= f.minBasicServiceAffairs) return [];
  const { basicServiceAffairsCovered: _ignored, ...fromAffairs } = input;
  const base = computeRawIndex(ruleSet, fromAffairs);
  const missingAfterOne = Math.max(0, f.minBasicServiceAffairs - covered.size - 1);
  return f.basicServiceAffairs
    .filter((affair) => !covered.has(affair))
    .map((affair) => {
      const added = { id: `what-if-${affair}`, name: affair, assessments: [], affairs: [affair] };
      return {
        affair,
        indexGain: computeRawIndex(ruleSet, { ...fromAffairs, innovations: [...input.innovations, added] }) - base,
        stillMissing: missingAfterOne,
      };
    })
    .sort((a, b) => b.indexGain - a.indexGain);
}
