import { and, asc, count, eq, gte, isNull, lte } from "drizzle-orm";
import { igaSubmissionEvents, igaSubmissions, type SubmissionStatus } from "@/db/schema/iga-submissions";
import { innovations } from "@/db/schema/innovations";
import { users } from "@/db/schema/users";
import { type Ctx, can, requirePermission } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { findInnovation, type InnovationRow } from "@/lib/innovations/get-innovation";
import { findFramework, loadFramework } from "./frameworks";
import { findSubmission, submissionProblems } from "./submission-read";
import { type ReadinessProblem, type SubmissionAction, TRANSITIONS } from "./submission-rules";

/** One innovation's submission for one year, as its panel and the API show it. */
export interface SubmissionView {
  year: number;
  innovationId: string;
  status: SubmissionStatus;
  version: number;
  returnNotes: Record<string, string>;
  /** What keeps it from being sent (empty when it could be); computed now, not stored. */
  problems: ReadinessProblem[];
  /** The steps the caller may take from here. */
  actions: SubmissionAction[];
  history: {
    fromStatus: SubmissionStatus;
    toStatus: SubmissionStatus;
    notes: Record<string, string>;
    comment: string | null;
    actorName: string | null;
    at: Date;
  }[];
}

const PERMISSION: Record<SubmissionAction, "iga.assess" | "iga.submit" | "iga.review"> = {
  ready: "iga.assess",
  withdraw: "iga.assess",
  submit: "iga.submit",
  verify: "iga.review",
  return: "iga.review",
};

export async function submissionView({
  ctx,
  innovationId,
  year,
  preloaded,
}: {
  ctx: Ctx;
  innovationId: string;
  year: number;
  preloaded?: InnovationRow;
}): Promise<SubmissionView | null> {
  const actor = requirePermission(ctx, "iga.read");
  const innovation =
    preloaded?.id === innovationId ? preloaded : await findInnovation(ctx.db, actor.regionCode, innovationId);
  if (!innovation) throw new NotFoundError("innovation");
  const loaded = await findFramework(ctx.db, year);
  if (!loaded) return null;
  const row = await findSubmission(ctx.db, innovation.regionCode, year, innovation.id);
  const status = row?.status ?? "draft";
  const history = await ctx.db
    .select({
      fromStatus: igaSubmissionEvents.fromStatus,
      toStatus: igaSubmissionEvents.toStatus,
      notes: igaSubmissionEvents.notes,
      comment: igaSubmissionEvents.comment,
      actorName: users.name,
      at: igaSubmissionEvents.at,
    })
    .from(igaSubmissionEvents)
    .leftJoin(users, eq(users.id, igaSubmissionEvents.actorId))
    .where(
      and(
        eq(igaSubmissionEvents.regionCode, innovation.regionCode),
        eq(igaSubmissionEvents.year, year),
        eq(igaSubmissionEvents.innovationId, innovation.id),
      ),
    )
    .orderBy(asc(igaSubmissionEvents.at))
    .limit(200);
  const stillOpen = status === "draft" || status === "ready" || status === "returned";
  const resource = { agencyId: innovation.agencyId, regionCode: innovation.regionCode };
  const active = loaded.framework.status === "active" && !innovation.archivedAt;
  const actions = (Object.keys(TRANSITIONS) as SubmissionAction[]).filter(
    (a) => active && TRANSITIONS[a].from.includes(status) && can(ctx, PERMISSION[a], resource),
  );
  return {
    year,
    innovationId: innovation.id,
    status,
    version: row?.version ?? 0,
    returnNotes: row?.returnNotes ?? {},
    problems: stillOpen ? await submissionProblems(ctx.db, loaded, innovation) : [],
    actions,
    history,
  };
}

/**
 * How many of the year's eligible innovations are at each status (no row = draft): the IGA page's
 * submission summary. Eligible: live, applied within the year's window.
 */
export async function submissionCounts({
  ctx,
  year,
}: {
  ctx: Ctx;
  year: number;
}): Promise<Record<SubmissionStatus, number>> {
  const actor = requirePermission(ctx, "iga.read");
  const { ruleSet } = await loadFramework(ctx.db, year);
  const rows = await ctx.db
    .select({ status: igaSubmissions.status, n: count() })
    .from(innovations)
    .leftJoin(
      igaSubmissions,
      and(
        eq(igaSubmissions.innovationId, innovations.id),
        eq(igaSubmissions.regionCode, innovations.regionCode),
        eq(igaSubmissions.year, year),
      ),
    )
    .where(
      and(
        eq(innovations.regionCode, actor.regionCode),
        isNull(innovations.archivedAt),
        gte(innovations.yearApplied, year - ruleSet.formula.eligibleYearsBack),
        lte(innovations.yearApplied, year),
      ),
    )
    .groupBy(igaSubmissions.status);
  const out: Record<SubmissionStatus, number> = { draft: 0, ready: 0, submitted: 0, verified: 0, returned: 0 };
  for (const r of rows) out[r.status ?? "draft"] += r.n;
  return out;
}
