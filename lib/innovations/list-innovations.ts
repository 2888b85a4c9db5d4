import { and, asc, count, eq, ilike, isNull, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { STAGES } from "./vocabulary";

export const listInnovationsInput = z.object({
  q: z.string().trim().max(200).optional(),
  stage: z.enum(STAGES).optional(),
  agencyId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListInnovationsInput = z.input<typeof listInnovationsInput>;

/** One page of the catalogue, filtered and paged in the database. */
export async function listInnovations({ ctx, input }: { ctx: Ctx; input: ListInnovationsInput }) {
  const actor = requirePermission(ctx, "innovation.read");
  const q = parseInput(listInnovationsInput, input);
  const filters: SQL[] = [eq(innovations.regionCode, actor.regionCode), isNull(innovations.archivedAt)];
  if (q.stage) filters.push(eq(innovations.stage, q.stage));
  if (q.agencyId) filters.push(eq(innovations.agencyId, q.agencyId));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(or(ilike(innovations.name, like), ilike(innovations.summary, like)) as SQL);
  }
  const where = and(...filters);
  const [items, [{ total }]] = await Promise.all([
    ctx.db
      .select({
        id: innovations.id,
        name: innovations.name,
        summary: innovations.summary,
        stage: innovations.stage,
        innovationType: innovations.innovationType,
        yearApplied: innovations.yearApplied,
        isSample: innovations.isSample,
        agencyId: innovations.agencyId,
        agencyName: agencies.shortName,
      })
      .from(innovations)
      .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
      .where(where)
      .orderBy(asc(innovations.isSample), asc(innovations.name), asc(innovations.id))
      .limit(q.limit)
      .offset(q.offset),
    ctx.db.select({ total: count() }).from(innovations).where(where),
  ]);
  return { items, total, limit: q.limit, offset: q.offset };
}
