import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { assertAgencyInRegion } from "@/lib/agencies/assert-agency";
import { parseInput } from "@/lib/errors";
import { completeness, innovationDraftSchema } from "./schemas";

/** Records a new innovation (a draft may be incomplete). Agency staff record only their own agency's. */
export async function createInnovation({ ctx, input }: { ctx: Ctx; input: unknown }) {
  requirePermission(ctx, "innovation.write");
  const data = parseInput(innovationDraftSchema, input);
  const actor = requirePermission(ctx, "innovation.write", { agencyId: data.agencyId });
  return ctx.db.transaction(async (tx) => {
    await assertAgencyInRegion(tx, data.agencyId, actor.regionCode);
    const [row] = await tx
      .insert(innovations)
      .values({
        ...data,
        regionCode: actor.regionCode,
        completeness: completeness(data).percent,
        createdBy: actor.id,
        updatedBy: actor.id,
      })
      .returning();
    await writeAudit(
      tx,
      actor,
      { action: "innovation.create", entity: "innovation", entityId: row.id, after: row },
      ctx.requestId,
    );
    return row;
  });
}
