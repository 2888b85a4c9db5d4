import type { Level, RuleSet } from "./rule-set";
import { computeIndex, type IndexInput, type IndexResult, type IndicatorAssessment } from "./score";

/**
 * What-if estimates: the year's stored levels as a base, a scratch copy of changes on top, and the
 * score engine run over both. Pure and free of database imports, so the page recomputes in the
 * browser as the user clicks; nothing is stored.
 */

export interface WhatIfInnovation {
  id: string;
  name: string;
  agencyName: string;
  /** Its submission status for the year (draft, ready, submitted, verified, returned). */
  status: string;
  /** Counted in today's estimate ("if you submitted today": ready, submitted, verified). */
  counted: boolean;
  affairs: string[];
  assessments: IndicatorAssessment[];
}

export interface WhatIfBase {
  year: number;
  ruleSet: RuleSet;
  region: IndicatorAssessment[];
  innovations: WhatIfInnovation[];
}

/** A made-up innovation: counts toward n and the basic-service gate, scores what its levels give. */
export interface ImaginedInnovation {
  key: string;
  name: string;
  affair: string;
}

export interface Scratch {
  /** Innovation id → counted or not, where it differs from the base. */
  include: Record<string, boolean>;
  /** `${subject}:${code}` → the level (null: none), where it differs; subject is an innovation id, an imagined key or "region". */
  levels: Record<string, Level | null>;
  imagined: ImaginedInnovation[];
}

export const EMPTY_SCRATCH: Scratch = { include: {}, levels: {}, imagined: [] };
export const REGION = "region";

export const levelKey = (subject: string, code: string) => `${subject}:${code}`;

/**
 * A subject's assessments with the scratch levels applied. A level changed here is assumed to get
 * its evidence (the what-if asks "what if we reached level 2", not "what if we claimed it").
 */
function withLevels(
  subject: string,
  codes: readonly string[],
  stored: readonly IndicatorAssessment[],
  levels: Scratch["levels"],
): IndicatorAssessment[] {
  const byCode = new Map(stored.map((a) => [a.code, a]));
  const out: IndicatorAssessment[] = [];
  for (const code of codes) {
    const key = levelKey(subject, code);
    if (key in levels) {
      const level = levels[key];
      if (level !== null) out.push({ code, level, hasEvidence: true });
    } else {
      const a = byCode.get(code);
      if (a) out.push(a);
    }
  }
  return out;
}

export function isCounted(base: WhatIfBase, scratch: Scratch, id: string): boolean {
  return scratch.include[id] ?? base.innovations.find((i) => i.id === id)?.counted ?? false;
}

/** The engine's input for the base with the scratch changes. */
export function whatIfInput(base: WhatIfBase, scratch: Scratch): IndexInput {
  const codes = (scope: "region" | "innovation") =>
    base.ruleSet.indicators.filter((i) => i.scope === scope).map((i) => i.code);
  const innovationCodes = codes("innovation");
  const real = base.innovations
    .filter((i) => isCounted(base, scratch, i.id))
    .map((i) => ({
      id: i.id,
      name: i.name,
      affairs: i.affairs,
      assessments: withLevels(i.id, innovationCodes, i.assessments, scratch.levels),
    }));
  const imagined = scratch.imagined.map((i) => ({
    id: i.key,
    name: i.name,
    affairs: [i.affair],
    assessments: withLevels(i.key, innovationCodes, [], scratch.levels),
  }));
  return {
    region: withLevels(REGION, codes("region"), base.region, scratch.levels),
    innovations: [...real, ...imagined],
  };
}

export function whatIfScore(base: WhatIfBase, scratch: Scratch): IndexResult {
  return computeIndex(base.ruleSet, whatIfInput(base, scratch));
}

/** How many changes the scratch copy holds (for "reset" and the summary). */
export function changeCount(scratch: Scratch): number {
  return Object.keys(scratch.include).length + Object.keys(scratch.levels).length + scratch.imagined.length;
}
