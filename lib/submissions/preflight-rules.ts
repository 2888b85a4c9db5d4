import { missingProfile2026 } from "@/lib/innovations/profile-2026";
import { completeness, countWords, MIN_DESIGN_WORDS } from "@/lib/innovations/schemas";
import type { Formula } from "@/lib/iga/rule-set";
import { eligibilityProblems } from "@/lib/iga/submission-rules";
import type { SnapshotContent, SnapshotIndicator, SnapshotInnovation } from "./content";

/**
 * The pre-flight check: what would make evaluators mark the submission down, each problem with a
 * link to the page where it is fixed. Pure, over the content a freeze would store, so the check
 * and the snapshot always see the same data.
 */
export type ProblemCode =
  | "profile_incomplete"
  | "design_too_short"
  | "date_outside_window"
  | "level_without_evidence"
  | "review_unresolved"
  | "mandatory_missing"
  | "no_innovations"
  | "not_eligible"
  | "too_many_years"
  | "basic_services_unmet"
  | "profile_2026_missing";

export interface Problem {
  code: ProblemCode;
  innovationId: string | null;
  innovationName: string | null;
  indicatorCode: string | null;
  /** Missing profile fields, the word count, the date: whatever the message needs. */
  detail: string | null;
  /** Where to fix it. */
  href: string;
}

const profileHref = (i: SnapshotInnovation) => `/innovations/${i.id}/edit`;
const indicatorsHref = (i: SnapshotInnovation | null, year: number) =>
  i ? `/innovations/${i.id}?tab=indicators&year=${year}` : `/iga/${year}/region`;

/** Dates of a year's submission may not lie after the end of that year. */
function windowEnd(year: number): string {
  return `${year}-12-31`;
}

function indicatorProblems(owner: SnapshotInnovation | null, indicators: SnapshotIndicator[], year: number): Problem[] {
  const out: Problem[] = [];
  const base = {
    innovationId: owner?.id ?? null,
    innovationName: owner?.profile.name ?? null,
    href: indicatorsHref(owner, year),
  };
  for (const ind of indicators) {
    const usable = ind.evidence.filter((e) => e.reviewStatus !== "needs_work");
    if (ind.mandatory && ind.level === null)
      out.push({ ...base, code: "mandatory_missing", indicatorCode: ind.code, detail: ind.name });
    if (ind.level !== null && usable.length === 0)
      out.push({ ...base, code: "level_without_evidence", indicatorCode: ind.code, detail: ind.name });
    const unresolved = ind.evidence.filter((e) => e.reviewStatus === "needs_work");
    if (unresolved.length > 0) {
      out.push({
        ...base,
        code: "review_unresolved",
        indicatorCode: ind.code,
        detail:
          unresolved
            .map((e) => e.reviewComment ?? "")
            .filter(Boolean)
            .join("; ") || null,
      });
    }
  }
  return out;
}

function profileProblems(i: SnapshotInnovation, year: number): Problem[] {
  const out: Problem[] = [];
  const base = { innovationId: i.id, innovationName: i.profile.name, indicatorCode: null, href: profileHref(i) };
  const c = completeness({ ...i.profile, agencyId: i.agency.id });
  const missing = c.missing.filter((f) => f !== "design");
  if (missing.length > 0) out.push({ ...base, code: "profile_incomplete", detail: missing.join(", ") });
  const words = countWords(i.profile.design);
  if (words < MIN_DESIGN_WORDS) out.push({ ...base, code: "design_too_short", detail: String(words) });
  for (const date of [i.profile.trialDate, i.profile.implementationDate]) {
    if (date && date > windowEnd(year)) out.push({ ...base, code: "date_outside_window", detail: date });
  }
  return out;
}

/**
 * The profile fields the year's rule set asks for beyond the base profile (2026 on:
 * formula.requiredProfileFields; earlier years list none). Detail: the missing field names.
 */
function requiredFieldProblems(i: SnapshotInnovation, formula: Formula): Problem[] {
  const missing = missingProfile2026(i.profile, formula.requiredProfileFields ?? []);
  if (missing.length === 0) return [];
  return [
    {
      code: "profile_2026_missing",
      innovationId: i.id,
      innovationName: i.profile.name,
      indicatorCode: null,
      detail: missing.join(", "),
      href: `${profileHref(i)}#profil-2026`,
    },
  ];
}

/** The year's eligibility rules: applied within the window, not entered in too many other years. */
function eligibility(i: SnapshotInnovation, formula: Formula, year: number, otherYears: readonly number[]): Problem[] {
  const base = { innovationId: i.id, innovationName: i.profile.name, indicatorCode: null, href: profileHref(i) };
  return eligibilityProblems(formula, year, i.profile.yearApplied, otherYears).flatMap((p): Problem[] => {
    if (p.kind === "not_eligible")
      return [{ ...base, code: "not_eligible", detail: `${p.yearApplied}|${p.from}|${p.to}` }];
    if (p.kind === "too_many_years")
      return [{ ...base, code: "too_many_years", detail: `${p.years.join(", ")}|${p.max}` }];
    return [];
  });
}

/**
 * The year's basic-service rule (2026: the count score is 0 unless enough of the six basic-service
 * affairs are named by the innovations sent). Detail: "covered|required|missing affairs".
 */
function basicServices(content: SnapshotContent): Problem[] {
  const formula = content.ruleSet.formula;
  const required = formula.minBasicServiceAffairs;
  if (required === null) return [];
  const named = new Set(
    content.innovations.flatMap((i) =>
      [i.profile.mainAffair, ...i.profile.otherAffairs].filter((a): a is string => !!a),
    ),
  );
  const covered = formula.basicServiceAffairs.filter((a) => named.has(a));
  if (covered.length >= required) return [];
  const missing = formula.basicServiceAffairs.filter((a) => !named.has(a));
  return [
    {
      code: "basic_services_unmet",
      innovationId: null,
      innovationName: null,
      indicatorCode: null,
      detail: `${covered.length}|${required}|${missing.join(",")}`,
      href: `/iga/${content.year}`,
    },
  ];
}

/**
 * Every problem of a submission. `otherYearsEntered` (innovation id → the other years it was sent
 * in) comes from the database; without it the "at most N years" rule is not checked.
 */
export function preflightProblems(
  content: SnapshotContent,
  otherYearsEntered: ReadonlyMap<string, readonly number[]> = new Map(),
): Problem[] {
  const { year } = content;
  const problems: Problem[] = [...basicServices(content)];
  if (content.innovations.length === 0) {
    problems.push({
      code: "no_innovations",
      innovationId: null,
      innovationName: null,
      indicatorCode: null,
      detail: null,
      href: `/innovations?year=${year}`,
    });
  }
  problems.push(...indicatorProblems(null, content.region, year));
  for (const i of content.innovations) {
    problems.push(...eligibility(i, content.ruleSet.formula, year, otherYearsEntered.get(i.id) ?? []));
    problems.push(...profileProblems(i, year), ...requiredFieldProblems(i, content.ruleSet.formula));
    problems.push(...indicatorProblems(i, i.indicators, year));
  }
  return problems;
}
