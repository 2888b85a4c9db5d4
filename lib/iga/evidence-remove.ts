import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { igaAssessments, igaEvidence, igaFrameworks, igaIndicators } from "@/db/schema/iga";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError, parseInput } from "@/lib/errors";
import { fileStorage } from "./storage";
import { resolveTarget } from "./subject";

const removeSchema = z.object({ evidenceId: z.uuid({ error: "v.igaEvidence" }) });

/**
 * Removes one piece of evidence attached by mistake, with the same rights as attaching it (the
 * innovation's agency, or Bappeda for the region). The stored bytes go too once no other evidence
 * points at them; the audit row keeps what was removed, including its SHA-256 reference.
 */
export async function removeEvidence({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "iga.assess");
  const { evidenceId } = parseInput(removeSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({
        year: igaFrameworks.year,
        indicatorCode: igaIndicators.code,
        innovationId: igaAssessments.innovationId,
      })
      .from(igaEvidence)
      .innerJoin(
        igaAssessments,
        and(eq(igaAssessments.regionCode, igaEvidence.regionCode), eq(igaAssessments.id, igaEvidence.assessmentId)),
      )
      .innerJoin(igaIndicators, eq(igaIndicators.id, igaAssessments.indicatorId))
      .innerJoin(igaFrameworks, eq(igaFrameworks.id, igaIndicators.frameworkId))
      .where(and(eq(igaEvidence.id, evidenceId), eq(igaEvidence.regionCode, actor.regionCode)))
      .limit(1);
    if (!found) throw new NotFoundError("evidence");
    const target = await resolveTarget(tx, ctx, found);
    const [removed] = await tx
      .delete(igaEvidence)
      .where(and(eq(igaEvidence.regionCode, actor.regionCode), eq(igaEvidence.id, evidenceId)))
      .returning();
    if (!removed) throw new NotFoundError("evidence");
    for (const fileId of [removed.fileId, removed.publicFileId])
      if (fileId) await fileStorage().releaseIfUnused(tx, fileId);
    await writeAudit(
      tx,
      target.actor,
      {
        action: "iga.evidence.remove",
        entity: "iga_evidence",
        entityId: removed.id,
        before: { ...removed, indicatorCode: found.indicatorCode },
      },
      ctx.requestId,
    );
    return { id: removed.id, deleted: true as const };
  });
}
