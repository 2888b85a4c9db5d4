import { and, count, desc, eq, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { affairName, BASIC_SERVICE_AFFAIRS } from "@/lib/reference/affairs";
import { listInnovationsInput } from "./list-innovations";
import { listWhere } from "./list-query";
import { STAGES, type Stage } from "./vocabulary";

export interface CatalogueCoverage {
  /** Innovations in the view (the current filters). */
  total: number;
  byStage: { stage: Stage; count: number }[];
  /** Main affairs (urusan utama) with at least one innovation in the view, most first. */
  byAffair: { affair: string; name: string; count: number }[];
  /** Every agency of the region, including those without an innovation in the view (they need a nudge). */
  byAgency: { agencyId: string; shortName: string; name: string; count: number }[];
  /** The six urusan wajib pelayanan dasar, each with the region's live innovations in stage penerapan. */
  basicServices: { affair: string; name: string; count: number; covered: boolean }[];
}

/**
 * How the catalogue covers stages, affairs and agencies. The three breakdowns count the view the
 * list shows (its filters, so "per agency among digital innovations" is one click); the
 * basic-service check is about the whole region's live catalogue whatever the filters, because
 * it is the rule of the 2026 IGA draft, which zeroes the innovation-count score unless the
 * basic-service affairs have innovations in penerapan, as the main or as another affair.
 */
export async function catalogueCoverage({
  ctx,
  input = {},
}: {
  ctx: Ctx;
  input?: unknown;
}): Promise<CatalogueCoverage> {
  const actor = requirePermission(ctx, "innovation.read");
  const q = parseInput(listInnovationsInput, input);
  const view = listWhere(actor.regionCode, q);
  const live = and(eq(innovations.regionCode, actor.regionCode), isNull(innovations.archivedAt));
  const basicCounts = Object.fromEntries(
    BASIC_SERVICE_AFFAIRS.map((code, i) => [
      `a${i}`,
      sql<number>`count(*) filter (where ${innovations.mainAffair} = ${code} or ${code} = any(${innovations.otherAffairs}))`.mapWith(
        Number,
      ),
    ]),
  ) as Record<string, SQL.Aliased<number> | SQL<number>>;

  const [stageRows, affairRows, agencyRows, [basicRow]] = await Promise.all([
    ctx.db
      .select({ stage: innovations.stage, count: count() })
      .from(innovations)
      .where(view)
      .groupBy(innovations.stage),
    ctx.db
      .select({ affair: innovations.mainAffair, count: count() })
      .from(innovations)
      .where(and(view, isNotNull(innovations.mainAffair)))
      .groupBy(innovations.mainAffair)
      .orderBy(desc(count()), innovations.mainAffair),
    ctx.db
      .select({
        agencyId: agencies.id,
        shortName: agencies.shortName,
        name: agencies.name,
        count: count(innovations.id),
      })
      .from(agencies)
      .leftJoin(innovations, and(eq(innovations.agencyId, agencies.id), view))
      .where(eq(agencies.regionCode, actor.regionCode))
      .groupBy(agencies.id, agencies.shortName, agencies.name)
      .orderBy(desc(count(innovations.id)), agencies.shortName),
    ctx.db
      .select(basicCounts)
      .from(innovations)
      .where(and(live, eq(innovations.stage, "penerapan"))),
  ]);

  const byStage = STAGES.map((stage) => ({ stage, count: stageRows.find((r) => r.stage === stage)?.count ?? 0 }));
  return {
    total: byStage.reduce((sum, s) => sum + s.count, 0),
    byStage,
    byAffair: affairRows.map((r) => ({ affair: r.affair!, name: affairName(r.affair!), count: r.count })),
    byAgency: agencyRows,
    basicServices: BASIC_SERVICE_AFFAIRS.map((code, i) => {
      const n = Number(basicRow?.[`a${i}`] ?? 0);
      return { affair: code, name: affairName(code), count: n, covered: n > 0 };
    }),
  };
}
