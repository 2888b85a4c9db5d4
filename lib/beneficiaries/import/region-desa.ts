import { and, eq, like } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { regions } from "@/db/schema/regions";

const desaCache = new Map<string, ReadonlySet<string>>();

/** The desa of the region (Mesuji's 105), from the regions table. */
export async function regionDesaCodes(db: Executor, regionCode: string): Promise<ReadonlySet<string>> {
  const cached = desaCache.get(regionCode);
  if (cached) return cached;
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, "desa"), like(regions.code, `${regionCode}.%`)));
  const set = new Set(rows.map((r) => r.code));
  if (set.size) desaCache.set(regionCode, set);
  return set;
}
