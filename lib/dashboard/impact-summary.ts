import { and, count, countDistinct, eq, sql } from "drizzle-orm";
import { serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { cachedAggregate, recordsVersion } from "@/lib/beneficiaries/aggregate-cache";
import { crossProgrammeSummary, type CrossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { published } from "@/lib/beneficiaries/published";

/** How many months back the region-wide monthly series reaches. */
const IMPACT_MONTHS = 36;
const TOP_INNOVATIONS = 10;

export interface LeaderImpact {
  /** Distinct residents reached by any innovation, and service records in all. */
  residents: number;
  records: number;
  /** The innovations reaching the most distinct residents (top 10). */
  topInnovations: { id: string; name: string; residents: number; records: number }[];
  /** Service records and distinct residents per month, across all innovations (last 36 months with data). */
  byMonth: { month: string; records: number; residents: number }[];
  crossProgramme: CrossProgrammeSummary;
}

/**
 * The impact figures on a leader's home page. Aggregates only: counts per innovation and per
 * month, and how many residents several programmes reach. Nothing here can carry a NIK or a name.
 */
export async function leaderImpact({ ctx }: { ctx: Ctx }): Promise<LeaderImpact> {
  const actor = requirePermission(ctx, "impact.read");
  const sr = serviceRecords;
  const region = and(eq(sr.regionCode, actor.regionCode), published());
  const month = sql<string>`to_char(${sr.serviceDate}, 'YYYY-MM')`;

  // One pass over every month (a few dozen rows) gives both the total and the recent series, so
  // nothing waits for a separate count-and-latest-date query first. Both passes read every record
  // of the region, so they are kept until the records change (innovation names are read fresh).
  const version = await recordsVersion(ctx.db, actor.regionCode);
  const [{ allMonths, perInnovation }, names, crossProgramme] = await Promise.all([
    cachedAggregate(ctx.db, actor.regionCode, "leader", version, async () => {
      const [allMonths, perInnovation] = await Promise.all([
        ctx.db
          .select({ month, records: count(), residents: countDistinct(sr.residentId) })
          .from(sr)
          .where(region)
          .groupBy(month)
          .orderBy(month),
        ctx.db
          .select({ id: sr.innovationId, residents: countDistinct(sr.residentId), records: count() })
          .from(sr)
          .where(region)
          // With region_code (one value here) the grouping holds the partition key: when the region's
          // records live on a server of their own it is computed there (db/foreign-partitions.ts).
          .groupBy(sr.regionCode, sr.innovationId),
      ]);
      return { allMonths, perInnovation };
    }),
    ctx.db
      .select({ id: innovations.id, name: innovations.name })
      .from(innovations)
      .where(eq(innovations.regionCode, actor.regionCode)),
    crossProgrammeSummary({ ctx, query: { limit: 5 }, version }),
  ]);
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  const top = perInnovation
    .filter((p) => nameOf.has(p.id))
    .map((p) => ({ id: p.id, name: nameOf.get(p.id)!, residents: p.residents, records: p.records }))
    .sort((a, b) => b.residents - a.residents || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, TOP_INNOVATIONS);

  const records = allMonths.reduce((sum, m) => sum + m.records, 0);
  const last = allMonths.at(-1)?.month;
  const since = last ? monthsBefore(`${last}-01`, IMPACT_MONTHS - 1).slice(0, 7) : "";
  const byMonth = allMonths.filter((m) => m.month >= since);

  // Distinct residents overall = the sum over the cross-programme buckets (one count, not two).
  return { residents: crossProgramme.residents, records, topInnovations: top, byMonth, crossProgramme };
}

/** The first day of the month `n` months before the month of `date` (YYYY-MM-DD). */
export function monthsBefore(date: string, n: number): string {
  const [y, m] = date.split("-").map(Number);
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}
