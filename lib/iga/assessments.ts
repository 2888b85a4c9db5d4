import { and, eq } from "drizzle-orm";
import { igaAssessments } from "@/db/schema/iga";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { ConflictError, parseInput } from "@/lib/errors";
import { setLevelSchema } from "./schemas";
import { findAssessment, resolveTarget } from "./subject";

/**
 * Chooses (or clears) the level of one indicator for an innovation or the region. The caller sends
 * the version it read (0 when there was no assessment yet); if someone saved in between, the change
 * is refused with 409 instead of overwriting theirs.
 */
export async function setIndicatorLevel({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "iga.assess");
  const data = parseInput(setLevelSchema, input);
  return ctx.db.transaction(async (tx) => {
    const target = await resolveTarget(tx, ctx, data);
    const before = await findAssessment(tx, target, true);
    const current = before?.version ?? 0;
    if (current !== data.version) throw new ConflictError("iga_stale_assessment", { version: current });
    const values = {
      level: data.level,
      note: data.note,
      isSample: false,
      updatedAt: new Date(),
      updatedBy: target.actor.id,
    };
    let after;
    if (before) {
      [after] = await tx
        .update(igaAssessments)
        .set({ ...values, version: before.version + 1 })
        .where(and(eq(igaAssessments.regionCode, before.regionCode), eq(igaAssessments.id, before.id)))
        .returning();
    } else {
      [after] = await tx
        .insert(igaAssessments)
        .values({
          ...values,
          regionCode: target.regionCode,
          indicatorId: target.indicator.id,
          innovationId: target.innovationId,
          subjectKey: target.subjectKey,
        })
        .onConflictDoNothing()
        .returning();
      // Someone created it between our read and insert: their version is newer than the 0 we sent.
      if (!after) throw new ConflictError("iga_stale_assessment", { version: 1 });
    }
    await writeAudit(
      tx,
      target.actor,
      {
        action: "iga.assessment.set",
        entity: "iga_assessment",
        entityId: after.id,
        before: before ? { ...before, indicatorCode: target.indicator.code } : null,
        after: { ...after, indicatorCode: target.indicator.code },
      },
      ctx.requestId,
    );
    return { ...after, indicatorCode: target.indicator.code, year: data.year };
  });
}
