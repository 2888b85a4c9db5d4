import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { completeness } from "../schemas";
import type { ImportPlan } from "./plan";

// About 25 bind parameters a row: 500 rows stay well under PostgreSQL's limit of 65,535.
const INSERT_CHUNK = 500;

/**
 * Writes a plan that has no rejected row, inside the caller's transaction: the same rows, audit
 * entries and completeness as createInnovation/updateInnovation would write one by one.
 */
export async function applyPlan(tx: Executor, ctx: Ctx, plan: ImportPlan): Promise<void> {
  for (let i = 0; i < plan.creates.length; i += INSERT_CHUNK) {
    const values = plan.creates.slice(i, i + INSERT_CHUNK).map(({ report, data }) => {
      // The plan already refused other agencies' rows; checking again keeps the write itself safe.
      const actor = requirePermission(ctx, "innovation.write", { agencyId: data.agencyId });
      // Ids chosen here tie each report row to its new innovation without relying on RETURNING order.
      report.id = randomUUID();
      return {
        ...data,
        id: report.id,
        regionCode: actor.regionCode,
        completeness: completeness(data).percent,
        createdBy: actor.id,
        updatedBy: actor.id,
      };
    });
    const created = await tx.insert(innovations).values(values).returning();
    for (const row of created) {
      await writeAudit(
        tx,
        ctx.actor,
        { action: "innovation.create", entity: "innovation", entityId: row.id, after: row },
        ctx.requestId,
      );
    }
  }
  for (const { before, data } of plan.updates) {
    const actor = requirePermission(ctx, "innovation.write", {
      agencyId: before.agencyId,
      regionCode: before.regionCode,
    });
    const [after] = await tx
      .update(innovations)
      .set({
        ...data,
        completeness: completeness(data).percent,
        version: before.version + 1,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(eq(innovations.id, before.id))
      .returning();
    await writeAudit(
      tx,
      actor,
      { action: "innovation.update", entity: "innovation", entityId: before.id, before, after },
      ctx.requestId,
    );
  }
}
