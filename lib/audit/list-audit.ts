import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema/audit-log";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";

export const listAuditInput = z.object({
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export async function listAudit({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "audit.read");
  const q = parseInput(listAuditInput, input);
  const filters: SQL[] = [eq(auditLog.regionCode, actor.regionCode)];
  if (q.entity) filters.push(eq(auditLog.entity, q.entity));
  if (q.entityId) filters.push(eq(auditLog.entityId, q.entityId));
  if (q.action) filters.push(eq(auditLog.action, q.action));
  const where = and(...filters);
  const [rows, [{ total }]] = await Promise.all([
    ctx.db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items: rows, total, page: q.page, pageSize: q.pageSize };
}
