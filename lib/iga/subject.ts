import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { igaAssessments } from "@/db/schema/iga";
import { type Actor, type Ctx, requirePermission } from "@/lib/auth/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { findInnovation } from "@/lib/innovations/get-innovation";
import { type IndicatorRow, loadFramework } from "./frameworks";

/** The subject key of region-wide assessments (per-innovation ones use the innovation id). */
export const REGION_SUBJECT = "region";

export interface Target {
  year: number;
  indicatorCode: string;
  innovationId: string | null;
}

export interface ResolvedTarget {
  actor: Actor;
  indicator: IndicatorRow;
  innovationId: string | null;
  subjectKey: string;
  regionCode: string;
}

/**
 * Checks that a change to one indicator of one subject is allowed, inside the caller's transaction:
 * the year's framework is active, the indicator exists and its scope matches the subject, and the
 * caller may assess that subject (region-wide: iga.assess_region; an innovation: iga.assess within
 * their own agency for agency staff).
 */
export async function resolveTarget(tx: Executor, ctx: Ctx, target: Target): Promise<ResolvedTarget> {
  const { framework, indicators } = await loadFramework(tx, target.year);
  if (framework.status !== "active") throw new ConflictError("iga_framework_not_active", { year: target.year });
  const indicator = indicators.find((i) => i.code === target.indicatorCode);
  if (!indicator) throw ValidationError.field("indicatorCode", "v.igaIndicator");
  if (indicator.scope === "region") {
    if (target.innovationId) throw ValidationError.field("innovationId", "v.igaRegionIndicator");
    const actor = requirePermission(ctx, "iga.assess_region");
    return { actor, indicator, innovationId: null, subjectKey: REGION_SUBJECT, regionCode: actor.regionCode };
  }
  if (!target.innovationId) throw ValidationError.field("innovationId", "v.igaInnovationRequired");
  const innovation = await findInnovation(tx, ctx.actor!.regionCode, target.innovationId);
  if (!innovation) throw new NotFoundError("innovation");
  const actor = requirePermission(ctx, "iga.assess", {
    agencyId: innovation.agencyId,
    regionCode: innovation.regionCode,
  });
  return {
    actor,
    indicator,
    innovationId: innovation.id,
    subjectKey: innovation.id,
    regionCode: innovation.regionCode,
  };
}

export async function findAssessment(tx: Executor, t: ResolvedTarget, forUpdate = false) {
  const query = tx
    .select()
    .from(igaAssessments)
    .where(
      and(
        eq(igaAssessments.indicatorId, t.indicator.id),
        eq(igaAssessments.regionCode, t.regionCode),
        eq(igaAssessments.subjectKey, t.subjectKey),
      ),
    )
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** The assessment evidence hangs on; created without a level when evidence comes first. */
export async function ensureAssessment(tx: Executor, t: ResolvedTarget) {
  await tx
    .insert(igaAssessments)
    .values({
      regionCode: t.regionCode,
      indicatorId: t.indicator.id,
      innovationId: t.innovationId,
      subjectKey: t.subjectKey,
      level: null,
      updatedBy: t.actor.id,
    })
    .onConflictDoNothing();
  const row = await findAssessment(tx, t, true);
  if (!row) throw new Error("assessment vanished after insert");
  return row;
}
