import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput, ValidationError } from "@/lib/errors";
import { completeness, type InnovationDraftInput, innovationDraftSchema } from "./schemas";

export async function assertAgencyInRegion(db: Executor, agencyId: string, regionCode: string) {
  const [agency] = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(eq(agencies.id, agencyId), eq(agencies.regionCode, regionCode)))
    .limit(1);
  if (!agency) throw new ValidationError([{ code: "custom", path: ["agencyId"], message: "v.agency", input: undefined }]);
}

/** Records a new innovation (a draft may be incomplete). Agency staff record only their own agency's. */
export async function createInnovation({ ctx, input }: { ctx: Ctx; input: InnovationDraftInput }) {
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
    await writeAudit(tx, actor, { action: "innovation.create", entity: "innovation", entityId: row.id, after: row }, ctx.requestId);
    return row;
  });
}
