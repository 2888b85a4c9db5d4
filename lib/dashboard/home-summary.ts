import { and, count, eq, isNull, sql, type SQL } from "drizzle-orm";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import type { Stage } from "@/lib/innovations/vocabulary";

/** Headline counts for the home page; agency staff see their own agency's. */
export async function homeSummary({ ctx }: { ctx: Ctx }) {
  const actor = requirePermission(ctx, "dashboard.view");
  const scope: SQL[] = [eq(innovations.regionCode, actor.regionCode), isNull(innovations.archivedAt)];
  const own = actor.role === "agency" && actor.agencyId ? eq(innovations.agencyId, actor.agencyId) : undefined;
  // One pass: innovations per stage, with the sample entries among them.
  const byStage = await ctx.db
    .select({
      stage: innovations.stage,
      n: count(),
      samples: sql<number>`count(*) filter (where ${innovations.isSample})`.mapWith(Number),
    })
    .from(innovations)
    .where(and(...scope, ...(own ? [own] : [])))
    .groupBy(innovations.stage);
  const stages = Object.fromEntries(byStage.map((r) => [r.stage, r.n])) as Partial<Record<Stage, number>>;
  const total = byStage.reduce((sum, r) => sum + r.n, 0);
  const samples = byStage.reduce((sum, r) => sum + r.samples, 0);
  return { total, stages, samples, scopedToAgency: !!own };
}
