import { and, count, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { aggregateCache, importBatches } from "@/db/schema/beneficiaries";

/*
 * Aggregates over service records, computed once per version of the records and then read back.
 * Records change only through batches: an import commits its records and marks its batch `done`
 * in one transaction, an undo deletes them and marks it `undone` in one transaction (every record
 * has a batch; the column is NOT NULL). So the pair (batches done, batches undone) changes with
 * every change of the records — undone only grows, and when it does not, done has grown.
 *
 * The version is read before the aggregate is computed: a batch committing in between leaves the
 * cache with newer data under the older version, which the next reader recomputes; stale data is
 * never stored under a newer version.
 */

/** The version of the records of a region, or of one innovation in it. */
export async function recordsVersion(db: Executor, regionCode: string, innovationId?: string): Promise<string> {
  const [row] = await db
    .select({
      done: count(sql`case when ${importBatches.status} = 'done' then 1 end`),
      undone: count(sql`case when ${importBatches.status} = 'undone' then 1 end`),
    })
    .from(importBatches)
    .where(
      and(
        eq(importBatches.regionCode, regionCode),
        innovationId ? eq(importBatches.innovationId, innovationId) : undefined,
      ),
    );
  return `${row.done}:${row.undone}`;
}

/** `compute()`'s result for this key and version: from the cache when it holds that version, else computed and stored. */
export async function cachedAggregate<T>(
  db: Executor,
  regionCode: string,
  key: string,
  version: string,
  compute: () => Promise<T>,
): Promise<T> {
  const [hit] = await db
    .select({ payload: aggregateCache.payload })
    .from(aggregateCache)
    .where(
      and(eq(aggregateCache.regionCode, regionCode), eq(aggregateCache.key, key), eq(aggregateCache.version, version)),
    );
  if (hit) return hit.payload as T;
  const value = await compute();
  await db
    .insert(aggregateCache)
    .values({ regionCode, key, version, payload: value })
    .onConflictDoUpdate({
      target: [aggregateCache.regionCode, aggregateCache.key],
      set: { version, payload: value, computedAt: new Date() },
    });
  return value;
}
