import { and, arrayContains, desc, eq, type SQL } from "drizzle-orm";
import { igaSnapshots, type SnapshotRow } from "@/db/schema/iga-snapshots";
import { type Actor, type Ctx, requirePermission } from "@/lib/auth/context";
import { AGENCY_SCOPED_ROLES, type Permission } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import type { SnapshotContent } from "./content";

/** Agency staff see only the snapshots that hold one of their agency's innovations. */
function visibleTo(actor: Actor): SQL | undefined {
  if (!AGENCY_SCOPED_ROLES.includes(actor.role)) return undefined;
  return arrayContains(igaSnapshots.agencyIds, [actor.agencyId ?? "00000000-0000-0000-0000-000000000000"]);
}

const summaryColumns = {
  id: igaSnapshots.id,
  year: igaSnapshots.year,
  sha256: igaSnapshots.sha256,
  index: igaSnapshots.index,
  category: igaSnapshots.category,
  innovationCount: igaSnapshots.innovationCount,
  problemCount: igaSnapshots.problemCount,
  overrideReason: igaSnapshots.overrideReason,
  createdAt: igaSnapshots.createdAt,
  createdByName: igaSnapshots.createdByName,
};
export type SubmissionSummary = Pick<SnapshotRow, keyof typeof summaryColumns>;

/** A year's snapshots in the caller's region, newest first. */
export async function listSubmissions({ ctx, year }: { ctx: Ctx; year: number }): Promise<SubmissionSummary[]> {
  const actor = requirePermission(ctx, "iga.submission.read");
  return ctx.db
    .select(summaryColumns)
    .from(igaSnapshots)
    .where(and(eq(igaSnapshots.regionCode, actor.regionCode), eq(igaSnapshots.year, year), visibleTo(actor)))
    .orderBy(desc(igaSnapshots.createdAt))
    .limit(200);
}

export interface Submission extends SubmissionSummary {
  content: SnapshotContent;
}

/** One snapshot with its content; 404 when it is not the caller's to see (another region, agency or year). */
export async function getSubmission({
  ctx,
  year,
  id,
  permission = "iga.submission.read",
}: {
  ctx: Ctx;
  year: number;
  id: string;
  permission?: Permission;
}): Promise<Submission> {
  const actor = requirePermission(ctx, permission);
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("submission");
  const [row] = await ctx.db
    .select({ ...summaryColumns, content: igaSnapshots.content })
    .from(igaSnapshots)
    .where(
      and(
        eq(igaSnapshots.regionCode, actor.regionCode),
        eq(igaSnapshots.year, year),
        eq(igaSnapshots.id, id),
        visibleTo(actor),
      ),
    )
    .limit(1);
  if (!row) throw new NotFoundError("submission");
  return { ...row, content: row.content as unknown as SnapshotContent };
}

/** The API's view of a snapshot: its summary and content, without the internal file ids. */
export function submissionResponse(s: Submission) {
  return { ...summaryResponse(s), content: s.content };
}

export function summaryResponse(s: SubmissionSummary) {
  return {
    id: s.id,
    year: s.year,
    sha256: s.sha256,
    index: s.index,
    category: s.category,
    innovations: s.innovationCount,
    problems: s.problemCount,
    overrideReason: s.overrideReason,
    createdAt: s.createdAt.toISOString(),
    createdBy: s.createdByName,
  };
}
