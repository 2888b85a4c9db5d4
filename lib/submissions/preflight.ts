import { type Ctx, requirePermission } from "@/lib/auth/context";
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

export function preflightOf(content: SnapshotContent): Preflight {
  return {
    year: content.year,
    innovations: content.innovations.length,
    index: content.score.index,
    category: content.score.category,
    problems: preflightProblems(content),
  };
}

/** The check the freeze page shows before anyone freezes: problems with links to fix them. */
export async function runPreflight({ ctx, year }: { ctx: Ctx; year: number }): Promise<Preflight> {
  requirePermission(ctx, "iga.submission.freeze");
  return preflightOf(await readLiveContent(ctx, year));
}
