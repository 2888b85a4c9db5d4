import { and, count, sql } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { listInnovationsInput } from "./list-innovations";
import { FACET_KEYS, type FacetKey } from "./list-params";
import { baseWhere, FACET_COLUMNS, facetExpression, facetFilters } from "./list-query";

export interface FacetCount {
  /** The value as it appears in the URL (years and ids as strings). */
  value: string;
  count: number;
}
export type FacetCounts = Record<FacetKey, FacetCount[]>;

/**
 * For each filter, how many innovations each of its values would give with all the OTHER active
 * filters applied (the usual faceted-search rule: picking a stage does not hide the other
 * stages' counts). Counted in the database in one statement: the rows passing the filters that
 * are not facets (region, archive, text search) are read once into a narrow CTE, and each facet
 * is a GROUP BY over it, so a text search scans the table once rather than eight times.
 * Empty values (an unfilled theme) are left out, since no filter can select them.
 */
export async function facetCounts({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<FacetCounts> {
  const actor = requirePermission(ctx, "innovation.read");
  const q = parseInput(listInnovationsInput, input);
  const base = ctx.db
    .$with("facet_base")
    .as(ctx.db.select(FACET_COLUMNS).from(innovations).where(baseWhere(actor.regionCode, q)));
  const branch = (key: FacetKey) => {
    const expression = facetExpression(base, key);
    return ctx.db
      .select({
        // A literal (the keys are our own constants): a bound parameter has no type in a UNION.
        facet: sql<FacetKey>`${sql.raw(`'${key}'`)}`.as("facet"),
        value: sql<string | null>`${expression}::text`.as("value"),
        count: count().as("count"),
      })
      .from(base)
      .where(and(...facetFilters(base, q, key)))
      .groupBy(expression);
  };
  const [first, second, ...rest] = FACET_KEYS.map(branch);
  // The WITH goes on an outer select: drizzle would put it inside the first branch of the union.
  const all = unionAll(first, second, ...rest).as("facets");
  const rows = await ctx.db.with(base).select().from(all);

  const counts = Object.fromEntries(FACET_KEYS.map((key) => [key, [] as FacetCount[]])) as FacetCounts;
  for (const row of rows)
    if (row.value !== null) counts[row.facet].push({ value: row.value, count: Number(row.count) });
  for (const key of FACET_KEYS) counts[key].sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return counts;
}

/** The count for one value, 0 when the facet has none. */
export function countOf(counts: FacetCount[], value: string): number {
  return counts.find((c) => c.value === value)?.count ?? 0;
}
