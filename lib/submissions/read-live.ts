import { and, asc, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { igaEvidence, storedFiles } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import type { Ctx } from "@/lib/auth/context";
import type { IndicatorRow } from "@/lib/iga/frameworks";
import { type RegionScore, regionScore } from "@/lib/iga/region-score";
import {
  type SnapshotContent,
  type SnapshotEvidence,
  type SnapshotIndicator,
  type SnapshotInnovation,
  SNAPSHOT_FORMAT,
  slugOf,
} from "./content";
import { snapshotInnovations } from "./scope";

/**
 * Reads the live data of a year into a snapshot's content: the score (from lib/iga, the same
 * numbers the IGA page shows), the innovations the snapshot holds with their full profiles, every
 * indicator's level and the evidence behind it with its file hash.
 */

async function evidenceByAssessment(db: Executor, regionCode: string, assessmentIds: string[]) {
  const map = new Map<string, SnapshotEvidence[]>();
  if (assessmentIds.length === 0) return map;
  const rows = await db
    .select({
      id: igaEvidence.id,
      assessmentId: igaEvidence.assessmentId,
      kind: igaEvidence.kind,
      fileName: igaEvidence.fileName,
      fileId: igaEvidence.fileId,
      sha256: storedFiles.sha256,
      size: storedFiles.size,
      mimeType: storedFiles.mimeType,
      url: igaEvidence.url,
      letterNumber: igaEvidence.letterNumber,
      letterDate: igaEvidence.letterDate,
      subject: igaEvidence.subject,
      reviewStatus: igaEvidence.reviewStatus,
      reviewComment: igaEvidence.reviewComment,
    })
    .from(igaEvidence)
    .leftJoin(storedFiles, eq(storedFiles.id, igaEvidence.fileId))
    .where(and(eq(igaEvidence.regionCode, regionCode), inArray(igaEvidence.assessmentId, assessmentIds)))
    .orderBy(asc(igaEvidence.createdAt), asc(igaEvidence.id));
  for (const { assessmentId, ...e } of rows) {
    const list = map.get(assessmentId) ?? [];
    list.push(e);
    map.set(assessmentId, list);
  }
  return map;
}

function indicatorsFor(
  indicators: IndicatorRow[],
  assessments: RegionScore["assessments"],
  evidence: Map<string, SnapshotEvidence[]>,
): SnapshotIndicator[] {
  const byCode = new Map(assessments.map((a) => [a.code, a]));
  return indicators.map((i) => {
    const a = byCode.get(i.code);
    const level = a?.level ?? null;
    return {
      code: i.code,
      name: i.name,
      mandatory: i.mandatory,
      level,
      score: a && a.hasEvidence && level !== null ? i.weight * level : 0,
      evidence: a ? (evidence.get(a.id) ?? []) : [],
    };
  });
}

export async function readLiveContent(ctx: Ctx, year: number): Promise<SnapshotContent> {
  const score = await regionScore({ ctx, year });
  const chosen = snapshotInnovations(score);
  const { framework, ruleSet, indicators } = score.loaded;
  const ids = chosen.map((i) => i.id);
  const profiles = ids.length
    ? await ctx.db
        .select({ innovation: innovations, agency: { id: agencies.id, code: agencies.code, name: agencies.name } })
        .from(innovations)
        .innerJoin(
          agencies,
          and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)),
        )
        .where(and(eq(innovations.regionCode, ctx.actor!.regionCode), inArray(innovations.id, ids)))
    : [];
  const profileById = new Map(profiles.map((p) => [p.innovation.id, p]));
  const evidence = await evidenceByAssessment(
    ctx.db,
    ctx.actor!.regionCode,
    score.assessments.map((a) => a.id),
  );
  const scoreById = new Map(score.result.perInnovation.map((p) => [p.id, p]));
  const regionIndicators = indicators.filter((i) => i.scope === "region");
  const innovationIndicators = indicators.filter((i) => i.scope === "innovation");

  const list: SnapshotInnovation[] = chosen.map((c, n) => {
    const { innovation: v, agency } = profileById.get(c.id)!;
    const own = score.assessments.filter((a) => a.innovationId === c.id);
    return {
      no: n + 1,
      id: v.id,
      slug: slugOf(v.name),
      agency,
      profile: {
        name: v.name,
        summary: v.summary,
        stage: v.stage,
        initiatorType: v.initiatorType,
        initiatorName: v.initiatorName,
        innovationType: v.innovationType,
        form: v.form,
        theme: v.theme,
        mainAffair: v.mainAffair,
        otherAffairs: v.otherAffairs,
        trialDate: v.trialDate,
        implementationDate: v.implementationDate,
        design: v.design,
        goals: v.goals,
        benefits: v.benefits,
        results: v.results,
        yearApplied: v.yearApplied,
        isSample: v.isSample,
        classification: v.classification,
        latitude: v.latitude,
        longitude: v.longitude,
        astaCita: v.astaCita,
        priorityCluster: v.priorityCluster,
        latestDevelopmentDate: v.latestDevelopmentDate,
      },
      score: scoreById.get(c.id)?.score ?? 0,
      max: scoreById.get(c.id)?.max ?? 0,
      indicators: indicatorsFor(innovationIndicators, own, evidence),
    };
  });
  const r = score.result;
  return {
    format: SNAPSHOT_FORMAT,
    regionCode: ctx.actor!.regionCode,
    year,
    ruleSet: { ...ruleSet, version: framework.version, status: framework.status },
    score: {
      spd: r.spd,
      spdMax: r.spdMax,
      sid: r.sid,
      sidMax: r.sidMax,
      innovationCountScore: r.innovationCountScore,
      innovationCountMax: r.innovationCountMax,
      index: r.index,
      category: r.category,
      innovations: r.innovations,
    },
    region: indicatorsFor(
      regionIndicators,
      score.assessments.filter((a) => a.innovationId === null),
      evidence,
    ),
    innovations: list,
  };
}
