import { count } from "drizzle-orm";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { type ListInnovationsInput, listInnovationsInput } from "./list-innovations";
import { FACET_KEYS, type FacetKey } from "./list-params";
import { FACET_EXPRESSIONS, listWhere } from "./list-query";

export interface FacetCount {
  /** The value as it appears in the URL (years and ids as strings). */
  value: string;
  count: number;
}
export type FacetCounts = Record<FacetKey, FacetCount[]>;

/**
 * For each filter, how many innovations each of its values would give with all the OTHER active
 * filters applied (the usual faceted-search rule: picking a stage does not hide the other stages'
 * counts). One GROUP BY per facet, in the database. Empty values (an unfilled theme) are left
 * out, since no filter can select them.
 */
export async function facetCounts({ ctx, input }: { ctx: Ctx; input: ListInnovationsInput }): Promise<FacetCounts> {
  const actor = requirePermission(ctx, "innovation.read");
  const q = parseInput(listInnovationsInput, input);
  const entries = await Promise.all(
    FACET_KEYS.map(async (key) => {
      const expression = FACET_EXPRESSIONS[key];
      const rows = await ctx.db
        .select({ value: expression, count: count() })
        .from(innovations)
        .where(listWhere(actor.regionCode, q, key))
        .groupBy(expression);
      const counts = rows
        .filter((r) => r.value !== null)
        .map((r) => ({ value: String(r.value), count: r.count }))
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      return [key, counts] as const;
    }),
  );
  return Object.fromEntries(entries) as FacetCounts;
}

/** The count for one value, 0 when the facet has none. */
export function countOf(counts: FacetCount[], value: string): number {
  return counts.find((c) => c.value === value)?.count ?? 0;
}
