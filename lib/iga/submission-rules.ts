import type { SubmissionStatus } from "@/db/schema/iga-submissions";
import type { Formula, Indicator } from "./rule-set";

/**
 * The submission workflow's rules, as pure functions: which status may follow which, when an
 * innovation is ready to send (siap kirim), and whether a year's rules let it be entered at all.
 */

export const SUBMISSION_STATUSES = [
  "draft",
  "ready",
  "submitted",
  "verified",
  "returned",
] as const satisfies readonly SubmissionStatus[];

/** What counts toward n and SID: "submitted" for the figure sent, "ready" for "if you submitted today". */
export type CountingBasis = "submitted" | "ready";
export const COUNTED: Record<CountingBasis, readonly SubmissionStatus[]> = {
  submitted: ["submitted", "verified"],
  ready: ["ready", "submitted", "verified"],
};

export type SubmissionAction = "ready" | "withdraw" | "submit" | "verify" | "return";

/** action → the statuses it may start from and the one it leads to. */
export const TRANSITIONS: Record<SubmissionAction, { from: readonly SubmissionStatus[]; to: SubmissionStatus }> = {
  ready: { from: ["draft"], to: "ready" },
  withdraw: { from: ["ready", "returned"], to: "draft" },
  submit: { from: ["ready", "returned"], to: "submitted" },
  verify: { from: ["submitted"], to: "verified" },
  return: { from: ["submitted"], to: "returned" },
};

export type ReadinessProblem =
  | { kind: "profile"; field: string }
  | { kind: "no_levels" }
  | { kind: "evidence"; code: string }
  | { kind: "mandatory"; code: string }
  | { kind: "not_eligible"; yearApplied: number; from: number; to: number }
  | { kind: "too_many_years"; years: number[]; max: number };

export interface AssessedIndicator {
  code: string;
  level: number | null;
  /** At least one piece of evidence not marked needs work. */
  hasEvidence: boolean;
}

/**
 * Why an innovation is not ready to send, empty when it is: the profile complete, at least one
 * level, every chosen level backed by evidence, the year's mandatory indicators chosen.
 */
export function readinessProblems(input: {
  missingProfileFields: readonly string[];
  indicators: readonly Indicator[];
  assessed: readonly AssessedIndicator[];
}): ReadinessProblem[] {
  const problems: ReadinessProblem[] = input.missingProfileFields.map((field) => ({ kind: "profile", field }));
  const byCode = new Map(input.assessed.map((a) => [a.code, a]));
  const innovationIndicators = input.indicators.filter((i) => i.scope === "innovation");
  if (!innovationIndicators.some((i) => byCode.get(i.code)?.level != null)) problems.push({ kind: "no_levels" });
  for (const indicator of innovationIndicators) {
    const a = byCode.get(indicator.code);
    if (a?.level != null && !a.hasEvidence) problems.push({ kind: "evidence", code: indicator.code });
    else if (indicator.mandatory && a?.level == null) problems.push({ kind: "mandatory", code: indicator.code });
  }
  return problems;
}

/**
 * Whether the year's rules let this innovation be entered: applied within the eligibility window,
 * and not already entered in as many other years as the rules allow.
 */
export function eligibilityProblems(
  formula: Formula,
  year: number,
  yearApplied: number,
  otherYearsEntered: readonly number[],
): ReadinessProblem[] {
  const problems: ReadinessProblem[] = [];
  const from = year - formula.eligibleYearsBack;
  if (yearApplied < from || yearApplied > year) problems.push({ kind: "not_eligible", yearApplied, from, to: year });
  const max = formula.maxAssessmentYears;
  if (max !== null && otherYearsEntered.length >= max)
    problems.push({ kind: "too_many_years", years: [...otherYearsEntered].sort(), max });
  return problems;
}

/** Maturity (kematangan): an innovation's SID score as a share of the maximum, 0..1. */
export function maturity(score: number, max: number): number {
  return max > 0 ? score / max : 0;
}
