import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { ConflictError, NotFoundError, parseInput } from "@/lib/errors";
import { innovationDependents } from "./dependents";
import { findInnovation } from "./get-innovation";

const archiveInput = z.object({ id: z.uuid(), archived: z.boolean() });

/** Archiving hides an innovation from the catalogue and the IGA count; it is reversible. */
export async function setInnovationArchived({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "innovation.write");
  const { id, archived } = parseInput(archiveInput, input);
  return ctx.db.transaction(async (tx) => {
    const before = await findInnovation(tx, ctx.actor!.regionCode, id, true);
    if (!before) throw new NotFoundError("innovation");
    const actor = requirePermission(ctx, "innovation.write", {
      agencyId: before.agencyId,
      regionCode: before.regionCode,
    });
    if (!!before.archivedAt === archived) return before;
    const [after] = await tx
      .update(innovations)
      .set({
        archivedAt: archived ? new Date() : null,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(eq(innovations.id, id))
      .returning();
    const action = archived ? "innovation.archive" : "innovation.unarchive";
    await writeAudit(tx, actor, { action, entity: "innovation", entityId: id, before, after }, ctx.requestId);
    return after;
  });
}

/** Deletes an innovation that nothing hangs on; one with evidence or beneficiary data is refused (archive it instead). */
export async function deleteInnovation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "innovation.write");
  const { id } = parseInput(z.object({ id: z.uuid() }), input);
  return ctx.db.transaction(async (tx) => {
    const before = await findInnovation(tx, ctx.actor!.regionCode, id, true);
    if (!before) throw new NotFoundError("innovation");
    const actor = requirePermission(ctx, "innovation.write", {
      agencyId: before.agencyId,
      regionCode: before.regionCode,
    });
    const dependents = await innovationDependents(tx, before.regionCode, id);
    if (Object.keys(dependents).length > 0) {
      const summary = Object.entries(dependents)
        .map(([kind, n]) => `${kind}: ${n}`)
        .join(", ");
      throw new ConflictError("innovation_has_dependents", { summary });
    }
    await tx.delete(innovations).where(and(eq(innovations.regionCode, before.regionCode), eq(innovations.id, id)));
    await writeAudit(
      tx,
      actor,
      { action: "innovation.delete", entity: "innovation", entityId: id, before },
      ctx.requestId,
    );
    return { id, deleted: true };
  });
}
