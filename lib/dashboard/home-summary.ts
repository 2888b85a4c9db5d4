import { and, count, eq, isNull, type SQL } from "drizzle-orm";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import type { Stage } from "@/lib/innovations/vocabulary";

/** Headline counts for the home page; agency staff see their own agency's. */
export async function homeSummary({ ctx }: { ctx: Ctx }) {
  const actor = requirePermission(ctx, "dashboard.view");
  const scope: SQL[] = [eq(innovations.regionCode, actor.regionCode), isNull(innovations.archivedAt)];
  const own = actor.role === "agency" && actor.agencyId ? eq(innovations.agencyId, actor.agencyId) : undefined;
  const where = and(...scope, ...(own ? [own] : []));
  const [byStage, [{ samples }], [{ agenciesCount }]] = await Promise.all([
    ctx.db.select({ stage: innovations.stage, n: count() }).from(innovations).where(where).groupBy(innovations.stage),
    ctx.db.select({ samples: count() }).from(innovations).where(and(where, eq(innovations.isSample, true))),
    ctx.db.select({ agenciesCount: count() }).from(agencies).where(eq(agencies.regionCode, actor.regionCode)),
  ]);
  const stages = Object.fromEntries(byStage.map((r) => [r.stage, r.n])) as Partial<Record<Stage, number>>;
  const total = byStage.reduce((sum, r) => sum + r.n, 0);
  return { total, stages, samples, agencies: agenciesCount, scopedToAgency: !!own };
}
