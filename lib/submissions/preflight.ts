import { and, eq, inArray, ne } from "drizzle-orm";
import { igaSubmissions, type SubmissionStatus } from "@/db/schema/iga-submissions";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import type { Executor } from "@/db/client";
import type { SnapshotContent } from "./content";
import { type Problem, preflightProblems } from "./preflight-rules";
import { readLiveContent } from "./read-live";

export interface Preflight {
  year: number;
  innovations: number;
  index: number;
  category: string;
  problems: Problem[];
}

/** Innovation id → the other years it was sent in, for the "at most N assessment years" rule. */
export async function otherYearsOf(db: Executor, content: SnapshotContent): Promise<Map<string, number[]>> {
  const ids = content.innovations.map((i) => i.id);
  const out = new Map<string, number[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({ innovationId: igaSubmissions.innovationId, year: igaSubmissions.year })
    .from(igaSubmissions)
    .where(
      and(
        eq(igaSubmissions.regionCode, content.regionCode),
        ne(igaSubmissions.year, content.year),
        inArray(igaSubmissions.innovationId, ids),
        inArray(igaSubmissions.status, ["submitted", "verified", "returned"] satisfies SubmissionStatus[]),
      ),
    );
  for (const r of rows) out.set(r.innovationId, [...(out.get(r.innovationId) ?? []), r.year]);
  return out;
}

/** The pre-flight problems of live content, with what only the database knows (other years sent). */
export async function liveProblems(db: Executor, content: SnapshotContent): Promise<Problem[]> {
  return preflightProblems(content, await otherYearsOf(db, content));
}

export function preflightOf(content: SnapshotContent, problems: Problem[]): Preflight {
  return {
    year: content.year,
    innovations: content.innovations.length,
    index: content.score.index,
    category: content.score.category,
    problems,
  };
}

/** The check the freeze page shows before anyone freezes: problems with links to fix them. */
export async function runPreflight({ ctx, year }: { ctx: Ctx; year: number }): Promise<Preflight> {
  requirePermission(ctx, "iga.submission.freeze");
  const content = await readLiveContent(ctx, year);
  return preflightOf(content, await liveProblems(ctx.db, content));
}
