import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { agencies } from "@/db/schema/agencies";
import { igaAssessments, igaEvidence, igaFrameworks, igaIndicators } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { loadFramework } from "./frameworks";
import { yearSchema } from "./schemas";

/**
 * The evaluator's queue: every piece of evidence of a year still waiting for a verdict ("belum
 * diperiksa") or sent back ("perlu perbaikan"), across the region, oldest waiting first and the
 * pending ones before those needing work, so the first item is always the next one to review.
 */

const QUEUE_LIMIT = 200;

const queueSchema = z.object({
  year: yearSchema,
  agencyId: z
    .uuid({ error: "v.igaInnovation" })
    .nullish()
    .transform((v) => v ?? null),
  indicatorCode: z
    .string()
    .trim()
    .max(40)
    .nullish()
    .transform((v) => v || null),
});
export type ReviewQueueInput = z.input<typeof queueSchema>;

export interface QueueItem {
  evidenceId: string;
  reviewStatus: "pending" | "needs_work";
  reviewComment: string | null;
  kind: "file" | "link";
  fileName: string | null;
  url: string | null;
  letterNumber: string | null;
  letterDate: string | null;
  subject: string | null;
  createdAt: Date;
  indicatorCode: string;
  indicatorName: string;
  level: number | null;
  innovationId: string | null;
  innovationName: string | null;
  agencyName: string | null;
}

export async function reviewQueue({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ items: QueueItem[]; total: number; pending: number }> {
  const actor = requirePermission(ctx, "iga.review");
  const q = parseInput(queueSchema, input);
  const { framework } = await loadFramework(ctx.db, q.year);
  const where = and(
    eq(igaEvidence.regionCode, actor.regionCode),
    inArray(igaEvidence.reviewStatus, ["pending", "needs_work"]),
    eq(igaIndicators.frameworkId, framework.id),
    q.agencyId ? eq(innovations.agencyId, q.agencyId) : undefined,
    q.indicatorCode ? eq(igaIndicators.code, q.indicatorCode) : undefined,
  );
  const base = () =>
    ctx.db
      .select({
        evidenceId: igaEvidence.id,
        reviewStatus: sql<"pending" | "needs_work">`${igaEvidence.reviewStatus}`,
        reviewComment: igaEvidence.reviewComment,
        kind: igaEvidence.kind,
        fileName: igaEvidence.fileName,
        url: igaEvidence.url,
        letterNumber: igaEvidence.letterNumber,
        letterDate: igaEvidence.letterDate,
        subject: igaEvidence.subject,
        createdAt: igaEvidence.createdAt,
        indicatorCode: igaIndicators.code,
        indicatorName: igaIndicators.name,
        level: igaAssessments.level,
        innovationId: igaAssessments.innovationId,
        innovationName: innovations.name,
        agencyName: agencies.shortName,
      })
      .from(igaEvidence)
      .innerJoin(
        igaAssessments,
        and(eq(igaAssessments.regionCode, igaEvidence.regionCode), eq(igaAssessments.id, igaEvidence.assessmentId)),
      )
      .innerJoin(igaIndicators, eq(igaIndicators.id, igaAssessments.indicatorId))
      .leftJoin(
        innovations,
        and(eq(innovations.regionCode, igaAssessments.regionCode), eq(innovations.id, igaAssessments.innovationId)),
      )
      .leftJoin(agencies, and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)));
  const [items, totals] = await Promise.all([
    base()
      .where(where)
      .orderBy(
        sql`case ${igaEvidence.reviewStatus} when 'pending' then 0 else 1 end`,
        asc(igaEvidence.createdAt),
        asc(igaEvidence.id),
      )
      .limit(QUEUE_LIMIT),
    ctx.db
      .select({ status: igaEvidence.reviewStatus, n: count() })
      .from(igaEvidence)
      .innerJoin(
        igaAssessments,
        and(eq(igaAssessments.regionCode, igaEvidence.regionCode), eq(igaAssessments.id, igaEvidence.assessmentId)),
      )
      .innerJoin(igaIndicators, eq(igaIndicators.id, igaAssessments.indicatorId))
      .leftJoin(
        innovations,
        and(eq(innovations.regionCode, igaAssessments.regionCode), eq(innovations.id, igaAssessments.innovationId)),
      )
      .where(where)
      .groupBy(igaEvidence.reviewStatus),
  ]);
  const pending = totals.find((t) => t.status === "pending")?.n ?? 0;
  return { items, total: totals.reduce((s, t) => s + t.n, 0), pending };
}

/** Evidence waiting for a verdict in the caller's region, per active year: the evaluator's home page count. */
export async function pendingReviewCounts({ ctx }: { ctx: Ctx }): Promise<{ year: number; pending: number }[]> {
  const actor = requirePermission(ctx, "iga.review");
  const rows = await ctx.db
    .select({ year: igaFrameworks.year, pending: count() })
    .from(igaEvidence)
    .innerJoin(
      igaAssessments,
      and(eq(igaAssessments.regionCode, igaEvidence.regionCode), eq(igaAssessments.id, igaEvidence.assessmentId)),
    )
    .innerJoin(igaIndicators, eq(igaIndicators.id, igaAssessments.indicatorId))
    .innerJoin(igaFrameworks, eq(igaFrameworks.id, igaIndicators.frameworkId))
    .where(
      and(
        eq(igaEvidence.regionCode, actor.regionCode),
        eq(igaEvidence.reviewStatus, "pending"),
        eq(igaFrameworks.status, "active"),
      ),
    )
    .groupBy(igaFrameworks.year)
    .orderBy(sql`${igaFrameworks.year} desc`);
  return rows;
}
