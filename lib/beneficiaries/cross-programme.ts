import { and, count, countDistinct, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { cachedAggregate, recordsVersion } from "./aggregate-cache";
import { impactQuery, yearRange } from "./impact";
import { published } from "@/lib/beneficiaries/published";

/*
 * Residents whom several innovations reached: the "single data" view across programmes. Counts
 * only — which combinations of innovations share residents and how many; never who.
 */

export const crossProgrammeQuery = impactQuery.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .meta({ description: "How many combinations to list (default 10)" }),
});

export interface CrossProgrammeSummary {
  year: number | null;
  /** Distinct residents reached by any innovation. */
  residents: number;
  /** Of them, reached by two or more different innovations. */
  multiProgramme: number;
  /** Residents by how many innovations reached them: 1, 2, 3 and "4 or more" (programmes: 4). */
  byProgrammeCount: { programmes: number; residents: number }[];
  /** The most common sets of innovations (two or more) reaching the same residents. */
  combinations: { innovations: { id: string; name: string }[]; residents: number }[];
}

/** `version`: the region's records version (./aggregate-cache.ts), when the caller has read it already. */
export async function crossProgrammeSummary({
  ctx,
  query = {},
  version,
}: {
  ctx: Ctx;
  query?: unknown;
  version?: string;
}): Promise<CrossProgrammeSummary> {
  const actor = requirePermission(ctx, "impact.read");
  const { year, limit } = parseInput(crossProgrammeQuery, query ?? {});
  const sr = serviceRecords;
  const where = and(eq(sr.regionCode, actor.regionCode), published(), ...yearRange(year));

  // One row per resident: how many innovations, and which (as text, sorted: a stable group key
  // that both PGlite and postgres.js return as a plain string).
  const perResident = ctx.db
    .select({
      programmes: countDistinct(sr.innovationId).as("programmes"),
      innovationIds:
        sql<string>`string_agg(distinct ${sr.innovationId}::text, ',' order by ${sr.innovationId}::text)`.as(
          "innovation_ids",
        ),
    })
    .from(sr)
    .where(where)
    .groupBy(sr.residentId)
    .as("per_resident");

  // One pass: residents per distinct set of innovations (singletons included). There are far fewer
  // sets than residents, so the buckets and the top combinations are derived here from that list.
  // It reads every record of the region, so it is kept until the records change; names are fresh.
  const current = version ?? (await recordsVersion(ctx.db, actor.regionCode));
  const sets = await cachedAggregate(ctx.db, actor.regionCode, `cross-programme:${year ?? "all"}`, current, () =>
    ctx.db
      .select({ innovationIds: perResident.innovationIds, programmes: perResident.programmes, residents: count() })
      .from(perResident)
      .groupBy(perResident.innovationIds, perResident.programmes),
  );
  const combos = sets
    .filter((c) => Number(c.programmes) >= 2)
    .sort((a, b) => b.residents - a.residents || a.innovationIds.localeCompare(b.innovationIds))
    .slice(0, limit);

  const ids = [...new Set(combos.flatMap((c) => c.innovationIds.split(",")))];
  const names = ids.length
    ? new Map(
        (
          await ctx.db
            .select({ id: innovations.id, name: innovations.name })
            .from(innovations)
            .where(inArray(innovations.id, ids))
        ).map((r) => [r.id, r.name]),
      )
    : new Map<string, string>();

  const counts = new Map<number, number>();
  for (const set of sets) {
    const bucket = Math.min(Number(set.programmes), 4);
    counts.set(bucket, (counts.get(bucket) ?? 0) + set.residents);
  }
  const total = sets.reduce((sum, r) => sum + r.residents, 0);
  return {
    year: year ?? null,
    residents: total,
    multiProgramme: total - (counts.get(1) ?? 0),
    byProgrammeCount: [1, 2, 3, 4].map((programmes) => ({ programmes, residents: counts.get(programmes) ?? 0 })),
    combinations: combos.map((c) => ({
      innovations: c.innovationIds
        .split(",")
        .map((id) => ({ id, name: names.get(id) ?? "" }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      residents: c.residents,
    })),
  };
}
