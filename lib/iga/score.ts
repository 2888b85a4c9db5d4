import {
  maxScore,
  type Category,
  type Formula,
  type Indicator,
  type IndicatorScope,
  type Level,
  type RuleSet,
} from "./rule-set";

/**
 * The IID score engine: pure functions of a rule set (data) and assessments. The formula
 * (domain brief, "The award and the index"):
 *   indicator = weight × level when the evidence is accepted, else 0
 *   SPD = Σ region indicators;  SID = Σ over innovations of Σ innovation indicators / max(floor, n)
 *   count = min(n, cap) × factor (0 if a basic-service rule applies and is not met)
 *   IID = (SPD + SID + count) / maxTotal × 100, rounded half up to 2 decimals at the very end.
 * A region with no innovations (n = 0) cannot be assessed: index 0 and the lowest band ("Tidak
 * Dapat Dinilai"), whatever its SPD. Every constant (floor, cap, factor, gate, bands) is the rule
 * set's data, so a year that changes them needs no code here.
 */

export interface IndicatorAssessment {
  code: string;
  level: Level | null;
  /**
   * Whether the level's evidence (data dukung) counts. The guideline counts accepted evidence only;
   * the caller decides what it passes (the app's estimate also counts evidence not yet reviewed,
   * and shows the accepted-only figure beside it: lib/iga/region-score.ts).
   */
  hasEvidence: boolean;
}

export interface InnovationInput {
  id: string;
  name: string;
  assessments: readonly IndicatorAssessment[];
  /** Its urusan codes (main and others): what the basic-service gate counts. */
  affairs?: readonly string[];
}

export interface IndexInput {
  region: readonly IndicatorAssessment[];
  innovations: readonly InnovationInput[];
  /**
   * Only read when the rule set has minBasicServiceAffairs. When missing, the coverage is counted
   * from the innovations' `affairs` (none given: nothing covered).
   */
  basicServiceAffairsCovered?: number;
}

export interface IndexResult {
  year: number;
  innovations: number;
  spd: number;
  spdMax: number;
  sid: number;
  /** The most SID can be: one innovation's max, reached when n ≥ divisorFloor and all are full. */
  sidMax: number;
  innovationCountScore: number;
  innovationCountMax: number;
  /** SID's divisor: max(divisorFloor, n). */
  divisor: number;
  /** The gate's affairs covered by the innovations counted, and whether the gate holds (null: no gate this year). */
  basicServiceAffairs: { covered: string[]; required: number | null; met: boolean | null };
  /** n = 0: the region reported nothing, so the index is 0 and the category the lowest band. */
  assessable: boolean;
  index: number;
  category: string;
  perInnovation: { id: string; name: string; score: number; max: number }[];
}

export interface MarginalGain {
  scope: IndicatorScope;
  innovationId?: string;
  indicatorCode: string;
  /** null: no level chosen yet. */
  fromLevel: Level | null;
  toLevel: Level;
  /** The current level lacks accepted evidence (then toLevel = fromLevel when a level is chosen). */
  missingEvidence: boolean;
  /** Index points (0..100 scale, unrounded) gained by this one change. */
  indexGain: number;
}

/** Assessments that do not fit the rule set: a bug or a rule set of the wrong year. */
export class IgaInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "IgaInputError";
  }
}

function indicatorScore(indicator: Indicator, assessment: IndicatorAssessment | undefined): number {
  if (!assessment || !assessment.hasEvidence || assessment.level === null) return 0;
  return indicator.weight * assessment.level;
}

function indicatorsOf(ruleSet: RuleSet, scope: IndicatorScope): Indicator[] {
  return ruleSet.indicators.filter((i) => i.scope === scope);
}

// Code → indicator per rule set, so a lookup is O(1) however many innovations are scored.
const codeIndex = new WeakMap<RuleSet, Map<string, Indicator>>();
function indicatorByCode(ruleSet: RuleSet, code: string): Indicator | undefined {
  let map = codeIndex.get(ruleSet);
  if (!map) {
    map = new Map(ruleSet.indicators.map((i) => [i.code, i]));
    codeIndex.set(ruleSet, map);
  }
  return map.get(code);
}

/** Indexes assessments by code; rejects unknown codes, the wrong scope, duplicates and bad levels. */
function byCode(ruleSet: RuleSet, scope: IndicatorScope, assessments: readonly IndicatorAssessment[]) {
  const map = new Map<string, IndicatorAssessment>();
  for (const a of assessments) {
    const indicator = indicatorByCode(ruleSet, a.code);
    if (!indicator) throw new IgaInputError(`indicator ${a.code} is not in the ${ruleSet.year} rule set`);
    if (indicator.scope !== scope)
      throw new IgaInputError(`indicator ${a.code} is a ${indicator.scope} indicator, not ${scope}`);
    if (map.has(a.code)) throw new IgaInputError(`indicator ${a.code} is assessed twice`);
    if (a.level !== null && a.level !== 1 && a.level !== 2 && a.level !== 3) {
      throw new IgaInputError(`indicator ${a.code} has level ${String(a.level)}; levels are 1..3`);
    }
    map.set(a.code, a);
  }
  return map;
}

function scoreScope(ruleSet: RuleSet, scope: IndicatorScope, assessments: readonly IndicatorAssessment[]) {
  const map = byCode(ruleSet, scope, assessments);
  const indicators = indicatorsOf(ruleSet, scope);
  const score = indicators.reduce((sum, i) => sum + indicatorScore(i, map.get(i.code)), 0);
  return { score, max: maxScore(indicators) };
}

export function scoreInnovation(
  ruleSet: RuleSet,
  assessments: readonly IndicatorAssessment[],
): { score: number; max: number } {
  return scoreScope(ruleSet, "innovation", assessments);
}

export function scoreRegion(
  ruleSet: RuleSet,
  regionAssessments: readonly IndicatorAssessment[],
): { spd: number; max: number } {
  const { score, max } = scoreScope(ruleSet, "region", regionAssessments);
  return { spd: score, max };
}

/** SID's divisor: max(divisorFloor, n). */
export function sidDivisor(formula: Formula, n: number): number {
  return Math.max(formula.divisorFloor, n);
}

export function innovationCountScore(formula: Formula, n: number, basicServiceAffairsCovered?: number): number {
  if (formula.minBasicServiceAffairs !== null && (basicServiceAffairsCovered ?? 0) < formula.minBasicServiceAffairs)
    return 0;
  return Math.min(n, formula.countCap) * formula.countFactor;
}

/**
 * Half up to 2 decimals. The value is first cut to 12 significant digits so that float noise
 * (87.4875 / 250 × 100 = 34.99499999…) does not turn a true .xx5 into a round-down.
 */
export function roundIndex(value: number): number {
  return Math.round(Number((value * 100).toPrecision(12))) / 100;
}

/**
 * The band of a rounded index: the highest band whose min is at or below it, compared in whole
 * hundredths. Inside a band that is the containing band; in a gap between bands (possible only if
 * a year's bands leave one) the value falls to the lower band, since it did not reach the upper
 * band's threshold; below every band it is the lowest band.
 */
export function categoryFor(categories: readonly Category[], index: number): string {
  if (categories.length === 0) throw new IgaInputError("the rule set has no categories");
  const cents = (x: number) => Math.round(x * 100);
  const sorted = [...categories].sort((a, b) => b.min - a.min);
  const band = sorted.find((c) => cents(c.min) <= cents(index)) ?? sorted[sorted.length - 1];
  return band.name;
}

/** The gate's affairs that at least one of the innovations names (as main or other affair). */
export function coveredBasicServiceAffairs(formula: Formula, innovations: readonly InnovationInput[]): string[] {
  const named = new Set(innovations.flatMap((i) => i.affairs ?? []));
  return formula.basicServiceAffairs.filter((a) => named.has(a));
}

function parts(ruleSet: RuleSet, input: IndexInput) {
  const f = ruleSet.formula;
  const { spd, max: spdMax } = scoreRegion(ruleSet, input.region);
  const perInnovation = input.innovations.map((inv) => ({
    id: inv.id,
    name: inv.name,
    ...scoreInnovation(ruleSet, inv.assessments),
  }));
  const n = input.innovations.length;
  const divisor = sidDivisor(f, n);
  const sid = perInnovation.reduce((sum, p) => sum + p.score, 0) / divisor;
  const covered = coveredBasicServiceAffairs(f, input.innovations);
  const coveredCount = input.basicServiceAffairsCovered ?? covered.length;
  const count = innovationCountScore(f, n, coveredCount);
  // Nothing reported: not assessable, whatever the region-wide part would add.
  const raw = n === 0 ? 0 : ((spd + sid + count) / f.maxTotal) * 100;
  const gate = {
    covered,
    required: f.minBasicServiceAffairs,
    met: f.minBasicServiceAffairs === null ? null : coveredCount >= f.minBasicServiceAffairs,
  };
  return { spd, spdMax, sid, count, n, divisor, gate, perInnovation, raw };
}

/** The band of a region that reported nothing: the lowest (Tidak Dapat Dinilai in every year so far). */
function notAssessableCategory(categories: readonly Category[]): string {
  return [...categories].sort((a, b) => a.min - b.min)[0].name;
}

/** The index before rounding; for comparisons and tests, not for display. */
export function computeRawIndex(ruleSet: RuleSet, input: IndexInput): number {
  return parts(ruleSet, input).raw;
}

export function computeIndex(ruleSet: RuleSet, input: IndexInput): IndexResult {
  const p = parts(ruleSet, input);
  const index = roundIndex(p.raw);
  const f = ruleSet.formula;
  return {
    year: ruleSet.year,
    innovations: p.n,
    spd: p.spd,
    spdMax: p.spdMax,
    sid: p.sid,
    sidMax: maxScore(indicatorsOf(ruleSet, "innovation")),
    innovationCountScore: p.count,
    innovationCountMax: f.countCap * f.countFactor,
    divisor: p.divisor,
    basicServiceAffairs: p.gate,
    assessable: p.n > 0,
    index,
    category: p.n === 0 ? notAssessableCategory(ruleSet.categories) : categoryFor(ruleSet.categories, index),
    perInnovation: p.perInnovation,
  };
}

/** The next step for one indicator and its score gain, or null when it is already at full marks. */
function nextStep(indicator: Indicator, a: IndicatorAssessment | undefined) {
  const level = a?.level ?? null;
  const hasEvidence = a?.hasEvidence ?? false;
  const current = indicatorScore(indicator, a);
  if (level !== null && !hasEvidence) {
    return { fromLevel: level, toLevel: level, missingEvidence: true, scoreGain: indicator.weight * level - current };
  }
  if (level === 3) return null;
  const toLevel = (level === null ? 1 : level + 1) as Level;
  return { fromLevel: level, toLevel, missingEvidence: !hasEvidence, scoreGain: indicator.weight * toLevel - current };
}

/**
 * The to-do list: one item per indicator short of full marks, with the index points its next step
 * gains, highest first. The index is linear in each indicator score and one change moves neither n
 * nor the divisor, so the gain is computed directly: Δscore / maxTotal × 100 for a region indicator,
 * Δscore / max(floor, n) / maxTotal × 100 for an innovation indicator. O(indicators × innovations).
 * Ties keep a stable order: region indicators first, then innovations in input order, each in
 * rule-set order.
 */
export function marginalGains(ruleSet: RuleSet, input: IndexInput): MarginalGain[] {
  const f = ruleSet.formula;
  const divisor = sidDivisor(f, input.innovations.length);
  const items: MarginalGain[] = [];

  const regionMap = byCode(ruleSet, "region", input.region);
  for (const indicator of indicatorsOf(ruleSet, "region")) {
    const step = nextStep(indicator, regionMap.get(indicator.code));
    if (!step) continue;
    const { scoreGain, ...rest } = step;
    items.push({ scope: "region", indicatorCode: indicator.code, ...rest, indexGain: (scoreGain / f.maxTotal) * 100 });
  }

  const innovationIndicators = indicatorsOf(ruleSet, "innovation");
  for (const inv of input.innovations) {
    const map = byCode(ruleSet, "innovation", inv.assessments);
    for (const indicator of innovationIndicators) {
      const step = nextStep(indicator, map.get(indicator.code));
      if (!step) continue;
      const { scoreGain, ...rest } = step;
      items.push({
        scope: "innovation",
        innovationId: inv.id,
        indicatorCode: indicator.code,
        ...rest,
        indexGain: (scoreGain / divisor / f.maxTotal) * 100,
      });
    }
  }

  return items.sort((a, b) => b.indexGain - a.indexGain);
}
