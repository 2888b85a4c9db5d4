import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { igaAssessments, igaEvidence, igaIndicators } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { type LoadedFramework, loadFramework } from "./frameworks";
import type { Level } from "./rule-set";
import { computeIndex, type IndexInput, type IndicatorAssessment, type IndexResult, marginalGains, type MarginalGain, roundIndex } from "./score";

/**
 * The score engine's input, read from the stored levels and evidence of one region and year.
 * Counted as the year's n: the region's non-archived innovations reported for that year. An
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

export interface ScoreInput {
  loaded: LoadedFramework;
  input: IndexInput;
  innovations: { id: string; name: string; agencyId: string }[];
  assessments: StoredAssessment[];
}

/** Which evidence counts: "estimate" (all but needs work, the default) or "accepted" (the guideline's strict reading). */
export type EvidenceBasis = "estimate" | "accepted";

/** What one region's year has stored, with both readings of its evidence. */
interface StoredYear {
  loaded: LoadedFramework;
  counted: { id: string; name: string; agencyId: string }[];
  stored: (Omit<StoredAssessment, "hasEvidence"> & { estimate: boolean; accepted: boolean })[];
}

async function readStoredYear(db: Executor, regionCode: string, year: number): Promise<StoredYear> {
  const loaded = await loadFramework(db, year);
  const [counted, rows] = await Promise.all([
    db
      .select({ id: innovations.id, name: innovations.name, agencyId: innovations.agencyId })
      .from(innovations)
      .where(and(eq(innovations.regionCode, regionCode), eq(innovations.yearApplied, year), isNull(innovations.archivedAt)))
      .orderBy(asc(innovations.name)),
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
  const stored = rows.map((a) => ({ ...a, level: a.level as Level | null, estimate: Boolean(a.estimate), accepted: Boolean(a.accepted) }));
  return { loaded, counted, stored };
}

function scoreInput({ loaded, counted, stored }: StoredYear, basis: EvidenceBasis): ScoreInput {
  const assessments: StoredAssessment[] = stored.map(({ estimate, accepted, ...a }) => ({ ...a, hasEvidence: basis === "accepted" ? accepted : estimate }));
  const toEngine = (a: StoredAssessment): IndicatorAssessment => ({ code: a.code, level: a.level, hasEvidence: a.hasEvidence });
  const byInnovation = new Map<string, IndicatorAssessment[]>(counted.map((i) => [i.id, []]));
  const region: IndicatorAssessment[] = [];
  for (const a of assessments) {
    if (a.innovationId === null) region.push(toEngine(a));
    else byInnovation.get(a.innovationId)?.push(toEngine(a)); // archived or another year's: not counted
  }
  const input: IndexInput = {
    region,
    innovations: counted.map((i) => ({ id: i.id, name: i.name, assessments: byInnovation.get(i.id) ?? [] })),
  };
  return { loaded, input, innovations: counted, assessments };
}

export interface RegionScore extends ScoreInput {
  result: IndexResult;
  gains: MarginalGain[];
}

function scored(built: ScoreInput): RegionScore {
  return { ...built, result: computeIndex(built.loaded.ruleSet, built.input), gains: marginalGains(built.loaded.ruleSet, built.input) };
}

/** The year's estimate for the caller's region, with the to-do list's raw material. */
export async function regionScore({ ctx, year, basis = "estimate" }: { ctx: Ctx; year: number; basis?: EvidenceBasis }): Promise<RegionScore> {
  const actor = requirePermission(ctx, "iga.read");
  return scored(scoreInput(await readStoredYear(ctx.db, actor.regionCode, year), basis));
}

/** regionScore's estimate plus, from the same read, the index counting accepted evidence only (the IGA page shows both). */
export async function regionScoreWithAccepted({ ctx, year }: { ctx: Ctx; year: number }): Promise<RegionScore & { accepted: IndexResult }> {
  const actor = requirePermission(ctx, "iga.read");
  const read = await readStoredYear(ctx.db, actor.regionCode, year);
  const strict = scoreInput(read, "accepted");
  return { ...scored(scoreInput(read, "estimate")), accepted: computeIndex(strict.loaded.ruleSet, strict.input) };
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
    perInnovation: [...result.perInnovation]
      .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
      .map((p) => ({ id: p.id, name: p.name, score: round(p.score), max: round(p.max) })),
  };
}
