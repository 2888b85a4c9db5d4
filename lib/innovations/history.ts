import { and, desc, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema/audit-log";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { findInnovation } from "./get-innovation";

/** Bookkeeping columns that change on every save and mean nothing to a reader. */
const HIDDEN = new Set(["updatedAt", "updatedBy", "version", "createdAt", "createdBy", "regionCode", "id"]);

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: number;
  at: Date;
  action: string;
  actor: string | null;
  actorKind: string;
  changes: FieldChange[];
}

/** The audit trail of one innovation as readable field-by-field differences, newest first. */
export async function innovationHistory({ ctx, id }: { ctx: Ctx; id: string }): Promise<HistoryEntry[]> {
  const actor = requirePermission(ctx, "innovation.read");
  if (!(await findInnovation(ctx.db, actor.regionCode, id))) throw new NotFoundError("innovation");
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, "innovation"), eq(auditLog.entityId, id), eq(auditLog.regionCode, actor.regionCode)))
    .orderBy(desc(auditLog.id))
    .limit(200);
  return rows.map((row) => ({
    id: row.id,
    at: row.occurredAt,
    action: row.action,
    actor: row.actorEmail,
    actorKind: row.actorKind,
    changes: row.changedFields
      .filter((f) => !HIDDEN.has(f))
      .map((field) => ({ field, before: row.before?.[field] ?? null, after: row.after?.[field] ?? null })),
  }));
}
