import { eq } from "drizzle-orm";
import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { assertAgencyInRegion } from "@/lib/agencies/assert-agency";
import { findInnovation } from "./get-innovation";
import { coordinatesPairIssue } from "./profile-2026";
import { completeness, innovationPatchSchema } from "./schemas";

/**
 * Changes some fields of an innovation. The caller sends the version it read; if someone saved in
 * between, the change is refused (409 stale_version) instead of silently overwriting theirs.
 */
export async function updateInnovation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "innovation.write");
  const { id, version, ...patch } = parseInput(innovationPatchSchema, input);
  // Only the fields the caller sent: zod fills absent array fields with their default.
  const sent = Object.fromEntries(Object.entries(patch).filter(([k]) => Object.hasOwn(input as object, k)));
  return ctx.db.transaction(async (tx) => {
    const before = await findInnovation(tx, ctx.actor!.regionCode, id, true);
    if (!before) throw new NotFoundError("innovation");
    const actor = requirePermission(ctx, "innovation.write", {
      agencyId: before.agencyId,
      regionCode: before.regionCode,
    });
    if (sent.agencyId && sent.agencyId !== before.agencyId) {
      requirePermission(ctx, "innovation.write", { agencyId: sent.agencyId as string });
      await assertAgencyInRegion(tx, sent.agencyId as string, actor.regionCode);
    }
    if (before.version !== version) throw new ConflictError("stale_version", { version: before.version });
    const merged = { ...before, ...sent };
    if (merged.trialDate && merged.implementationDate && merged.trialDate > merged.implementationDate) {
      throw ValidationError.field("trialDate", "v.trialAfterImplementation");
    }
    const unpaired = coordinatesPairIssue(merged);
    if (unpaired) throw ValidationError.field(unpaired, "v.coordinatesPair");
    const [after] = await tx
      .update(innovations)
      .set({
        ...sent,
        completeness: completeness(merged).percent,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(eq(innovations.id, id))
      .returning();
    await writeAudit(
      tx,
      actor,
      { action: "innovation.update", entity: "innovation", entityId: id, before, after },
      ctx.requestId,
    );
    return after;
  });
}
