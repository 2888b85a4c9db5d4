import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { igaAssessments, igaEvidence, igaIndicators } from "@/db/schema/iga";
import { igaSubmissions, type SubmissionStatus } from "@/db/schema/iga-submissions";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { type LoadedFramework, loadFramework } from "./frameworks";
import type { Level } from "./rule-set";
import { COUNTED, type CountingBasis } from "./submission-rules";
import {
  computeIndex,
  type IndexInput,
  type IndicatorAssessment,
  type IndexResult,
  marginalGains,
  type MarginalGain,
  roundIndex,
} from "./score";

/**
 * The score engine's input, read from the stored levels and evidence of one region and year.
 * Counted as the year's n: the region's non-archived innovations submitted for that year
 * (submitted or verified), or for "if you submitted today" also those marked ready. An
 * indicator has evidence when at least one piece is not marked needs_work: pending evidence counts,
 * since the estimate should show what the region will score once the evaluators accept it.
 */
export interface StoredAssessment {
  id: string;
  code: string;
  innovationId: string | null;
  level: Level | null;
  version: number;
  hasEvidence: boolean;
}

export interface CountedInnovation {
  id: string;
  name: string;
  agencyId: string;
  status: SubmissionStatus;
  affairs: string[];
}

export interface ScoreInput {
  loaded: LoadedFramework;
  input: IndexInput;
  innovations: CountedInnovation[];
  assessments: StoredAssessment[];
}

/** Which evidence counts: "estimate" (all but needs work, the default) or "accepted" (the guideline's strict reading). */
export type EvidenceBasis = "estimate" | "accepted";

/** What one region's year has stored, with both readings of its evidence. */
interface StoredYear {
  loaded: LoadedFramework;
  counted: CountedInnovation[];
  stored: (Omit<StoredAssessment, "hasEvidence"> & { estimate: boolean; accepted: boolean })[];
}

async function readStoredYear(
  db: Executor,
  regionCode: string,
  year: number,
  framework?: LoadedFramework,
): Promise<StoredYear> {
  const loaded = framework ?? (await loadFramework(db, year));
  const [counted, rows] = await Promise.all([
    db
      .select({
        id: innovations.id,
        name: innovations.name,
        agencyId: innovations.agencyId,
        status: igaSubmissions.status,
        mainAffair: innovations.mainAffair,
        otherAffairs: innovations.otherAffairs,
      })
      .from(igaSubmissions)
      .innerJoin(
        innovations,
        and(eq(innovations.id, igaSubmissions.innovationId), eq(innovations.regionCode, igaSubmissions.regionCode)),
      )
      .where(
        and(
          eq(igaSubmissions.regionCode, regionCode),
          eq(igaSubmissions.year, year),
          inArray(igaSubmissions.status, [...COUNTED.ready]),
          isNull(innovations.archivedAt),
        ),
      )
      .orderBy(asc(innovations.name), asc(innovations.id)),
    db
      .select({
        id: igaAssessments.id,
        code: igaIndicators.code,
        innovationId: igaAssessments.innovationId,
        level: igaAssessments.level,
        version: igaAssessments.version,
        estimate: sql<boolean>`exists (select 1 from ${igaEvidence} where ${igaEvidence.assessmentId} = ${igaAssessments.id} and ${igaEvidence.reviewStatus} <> 'needs_work')`,
        accepted: sql<boolean>`exists (select 1 from ${igaEvidence} where ${igaEvidence.assessmentId} = ${igaAssessments.id} and ${igaEvidence.reviewStatus} = 'accepted')`,
      })
      .from(igaAssessments)
      .innerJoin(igaIndicators, eq(igaIndicators.id, igaAssessments.indicatorId))
      .where(and(eq(igaIndicators.frameworkId, loaded.framework.id), eq(igaAssessments.regionCode, regionCode))),
  ]);
  const stored = rows.map((a) => ({
    ...a,
    level: a.level as Level | null,
    estimate: Boolean(a.estimate),
    accepted: Boolean(a.accepted),
  }));
  const withAffairs = counted.map(({ mainAffair, otherAffairs, ...i }) => ({
    ...i,
    affairs: [...(mainAffair ? [mainAffair] : []), ...otherAffairs],
  }));
  return { loaded, counted: withAffairs, stored };
}

function scoreInput(
  { loaded, counted: all, stored }: StoredYear,
  basis: EvidenceBasis,
  counting: CountingBasis,
): ScoreInput {
  const counted = all.filter((i) => COUNTED[counting].includes(i.status));
  const assessments: StoredAssessment[] = stored.map(({ estimate, accepted, ...a }) => ({
    ...a,
    hasEvidence: basis === "accepted" ? accepted : estimate,
  }));
  const toEngine = (a: StoredAssessment): IndicatorAssessment => ({
    code: a.code,
    level: a.level,
    hasEvidence: a.hasEvidence,
  });
  const byInnovation = new Map<string, IndicatorAssessment[]>(counted.map((i) => [i.id, []]));
  const region: IndicatorAssessment[] = [];
  for (const a of assessments) {
    if (a.innovationId === null) region.push(toEngine(a));
    else byInnovation.get(a.innovationId)?.push(toEngine(a)); // archived or another year's: not counted
  }
  const input: IndexInput = {
    region,
    innovations: counted.map((i) => ({
      id: i.id,
      name: i.name,
      affairs: i.affairs,
      assessments: byInnovation.get(i.id) ?? [],
    })),
  };
  return { loaded, input, innovations: counted, assessments };
}

export interface RegionScore extends ScoreInput {
  result: IndexResult;
  gains: MarginalGain[];
}

function scored(built: ScoreInput): RegionScore {
  return {
    ...built,
    result: computeIndex(built.loaded.ruleSet, built.input),
    gains: marginalGains(built.loaded.ruleSet, built.input),
  };
}

/**
 * One region's estimate for the year, counting what was submitted with the evidence not marked
 * needs work: the province's roll-up (lib/regions) scores each of its regions with it. The caller
 * checks the permission; `framework` saves reading the year's rule set once per region.
 */
export async function scoreRegion(
  db: Executor,
  regionCode: string,
  year: number,
  framework?: LoadedFramework,
): Promise<IndexResult> {
  const read = await readStoredYear(db, regionCode, year, framework);
  return computeIndex(read.loaded.ruleSet, scoreInput(read, "estimate", "submitted").input);
}

/**
 * The year's estimate for the caller's region, with the to-do list's raw material. `counting`:
 * "submitted" (default) counts what was sent; "ready" adds what is ready to send.
 */
export async function regionScore({
  ctx,
  year,
  basis = "estimate",
  counting = "submitted",
}: {
  ctx: Ctx;
  year: number;
  basis?: EvidenceBasis;
  counting?: CountingBasis;
}): Promise<RegionScore> {
  const actor = requirePermission(ctx, "iga.read");
  return scored(scoreInput(await readStoredYear(ctx.db, actor.regionCode, year), basis, counting));
}

/**
 * For the IGA page, from one read: the estimate counting `counting` (with the to-do list), the
 * same counting accepted evidence only, and the two countings side by side ("if you submitted
 * today" with the ready ones, and what is submitted).
 */
export async function regionScoreWithAccepted({
  ctx,
  year,
  counting = "ready",
}: {
  ctx: Ctx;
  year: number;
  counting?: CountingBasis;
}): Promise<RegionScore & { accepted: IndexResult; submitted: IndexResult; ready: IndexResult }> {
  const actor = requirePermission(ctx, "iga.read");
  const read = await readStoredYear(ctx.db, actor.regionCode, year);
  const strict = scoreInput(read, "accepted", counting);
  const main = scored(scoreInput(read, "estimate", counting));
  const other = (c: CountingBasis) =>
    c === counting ? main.result : computeIndex(read.loaded.ruleSet, scoreInput(read, "estimate", c).input);
  return {
    ...main,
    accepted: computeIndex(strict.loaded.ruleSet, strict.input),
    submitted: other("submitted"),
    ready: other("ready"),
  };
}

const round = (x: number) => roundIndex(x);

/** The API's answer: the components rounded to two decimals like the index; innovations best first. */
export function scoreResponse(result: IndexResult) {
  return {
    year: result.year,
    innovations: result.innovations,
    spd: round(result.spd),
    sid: round(result.sid),
    innovationCountScore: round(result.innovationCountScore),
    index: result.index,
    category: result.category,
    divisor: result.divisor,
    assessable: result.assessable,
    basicServiceAffairs: result.basicServiceAffairs,
    perInnovation: [...result.perInnovation]
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .map((p) => ({ id: p.id, name: p.name, score: round(p.score), max: round(p.max) })),
  };
}
