import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { agencies } from "@/db/schema/agencies";
import { igaAssessments, igaEvidence, igaIndicators } from "@/db/schema/iga";
import { igaSubmissions } from "@/db/schema/iga-submissions";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { loadFramework } from "./frameworks";
import type { Level } from "./rule-set";
import type { IndicatorAssessment } from "./score";
import { COUNTED } from "./submission-rules";
import type { WhatIfBase } from "./what-if-score";

/**
 * The base of a what-if: every innovation entered for the year (drafts and returned ones too, so
 * they can be switched on), with the stored levels and whether their evidence counts (anything not
 * marked needs work, as in the estimate), and the region-wide levels. A read: nothing is written,
 * so no audit row.
 */
export async function whatIfBase({ ctx, year }: { ctx: Ctx; year: number }): Promise<WhatIfBase> {
  const actor = requirePermission(ctx, "iga.read");
  const loaded = await loadFramework(ctx.db, year);
  const [entered, rows] = await Promise.all([
    ctx.db
      .select({
        id: innovations.id,
        name: innovations.name,
        agencyName: agencies.name,
        status: igaSubmissions.status,
        mainAffair: innovations.mainAffair,
        otherAffairs: innovations.otherAffairs,
      })
      .from(igaSubmissions)
      .innerJoin(
        innovations,
        and(eq(innovations.id, igaSubmissions.innovationId), eq(innovations.regionCode, igaSubmissions.regionCode)),
      )
      .innerJoin(agencies, and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)))
      .where(
        and(
          eq(igaSubmissions.regionCode, actor.regionCode),
          eq(igaSubmissions.year, year),
          isNull(innovations.archivedAt),
        ),
      )
      .orderBy(asc(innovations.name), asc(innovations.id)),
    ctx.db
      .select({
        code: igaIndicators.code,
        innovationId: igaAssessments.innovationId,
        level: igaAssessments.level,
        hasEvidence: sql<boolean>`exists (select 1 from ${igaEvidence} where ${igaEvidence.assessmentId} = ${igaAssessments.id} and ${igaEvidence.reviewStatus} <> 'needs_work')`,
      })
      .from(igaAssessments)
      .innerJoin(igaIndicators, eq(igaIndicators.id, igaAssessments.indicatorId))
      .where(and(eq(igaIndicators.frameworkId, loaded.framework.id), eq(igaAssessments.regionCode, actor.regionCode))),
  ]);
  const byInnovation = new Map<string, IndicatorAssessment[]>();
  const region: IndicatorAssessment[] = [];
  for (const r of rows) {
    const a: IndicatorAssessment = {
      code: r.code,
      level: r.level as Level | null,
      hasEvidence: Boolean(r.hasEvidence),
    };
    if (r.innovationId === null) region.push(a);
    else byInnovation.set(r.innovationId, [...(byInnovation.get(r.innovationId) ?? []), a]);
  }
  return {
    year,
    ruleSet: loaded.ruleSet,
    region,
    innovations: entered.map((i) => ({
      id: i.id,
      name: i.name,
      agencyName: i.agencyName,
      status: i.status,
      counted: COUNTED.ready.includes(i.status),
      affairs: [...(i.mainAffair ? [i.mainAffair] : []), ...i.otherAffairs],
      assessments: byInnovation.get(i.id) ?? [],
    })),
  };
}
