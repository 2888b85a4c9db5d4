import { count } from "drizzle-orm";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { listInnovationsInput } from "./list-input";
import { listWhere, selectRows } from "./list-query";

export { listInnovationsInput, type ListInnovationsInput, type ListInnovationsQuery } from "./list-input";

/**
 * One page of the catalogue, filtered, sorted and paged in the database. Every role that may read
 * reads the whole region: agency staff are limited only when they write.
 */
export async function listInnovations({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "innovation.read");
  const q = parseInput(listInnovationsInput, input);
  const where = listWhere(actor.regionCode, q);
  const [items, [{ total }]] = await Promise.all([
    selectRows(ctx.db, where, q.sort, q.dir, q.limit, q.offset),
    ctx.db.select({ total: count() }).from(innovations).where(where),
  ]);
  return { items, total, limit: q.limit, offset: q.offset };
}
