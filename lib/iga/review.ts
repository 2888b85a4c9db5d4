import { and, eq } from "drizzle-orm";
import { igaEvidence } from "@/db/schema/iga";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError, parseInput } from "@/lib/errors";
import { reviewSchema } from "./schemas";

/**
 * An evaluator's verdict on one piece of evidence: accepted, or needs work with a comment the staff
 * see on the innovation's indicators tab. Evidence marked needs work stops counting in the estimate.
 */
export async function reviewEvidence({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "iga.review");
  const data = parseInput(reviewSchema, input);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(igaEvidence)
      .where(and(eq(igaEvidence.id, data.evidenceId), eq(igaEvidence.regionCode, actor.regionCode)))
      .limit(1)
      .for("update");
    if (!before) throw new NotFoundError("evidence");
    const [after] = await tx
      .update(igaEvidence)
      .set({ reviewStatus: data.status, reviewComment: data.comment, reviewedBy: actor.id, reviewedAt: new Date() })
      .where(and(eq(igaEvidence.regionCode, before.regionCode), eq(igaEvidence.id, before.id)))
      .returning();
    await writeAudit(
      tx,
      actor,
      { action: "iga.evidence.review", entity: "iga_evidence", entityId: after.id, before, after },
      ctx.requestId,
    );
    return after;
  });
}
