import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";

export type InnovationRow = typeof innovations.$inferSelect;

/** The stored row within the actor's region, locked for update when asked (inside a transaction). */
export async function findInnovation(db: Executor, regionCode: string, id: string, forUpdate = false) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const query = db
    .select()
    .from(innovations)
    .where(and(eq(innovations.id, id), eq(innovations.regionCode, regionCode)))
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

export async function getInnovation({ ctx, id }: { ctx: Ctx; id: string }) {
  const actor = requirePermission(ctx, "innovation.read");
  const row = await findInnovation(ctx.db, actor.regionCode, id);
  if (!row) throw new NotFoundError("innovation");
  const [agency] = await ctx.db.select().from(agencies).where(eq(agencies.id, row.agencyId));
  return { ...row, agencyName: agency?.name ?? "", agencyShortName: agency?.shortName ?? "" };
}
