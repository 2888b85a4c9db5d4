import { asc } from "drizzle-orm";
import { igaFrameworks } from "@/db/schema/iga";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { activeYear, findFramework } from "@/lib/iga/frameworks";
import { regionScore } from "@/lib/iga/region-score";
import type { YearRules } from "./series";

/*
 * What the trend charts draw around the published results: each year's category bands (from the
 * year's rule set) and the current year's estimate, the same figure the IGA page shows.
 */

/** Every year's categories, oldest first (one small row per rule set). */
export async function trendRuleSets({ ctx }: { ctx: Ctx }): Promise<YearRules[]> {
  requirePermission(ctx, "iga.read");
  return ctx.db
    .select({ year: igaFrameworks.year, categories: igaFrameworks.categories })
    .from(igaFrameworks)
    .orderBy(asc(igaFrameworks.year));
}

export interface TrendEstimate {
  year: number;
  index: number;
  category: string;
}

/**
 * The estimate of the calendar year when it has a rule set, else of the year the IGA page opens on
 * (the latest active one); counting what is ready to send, like the big figure on /iga/[year].
 */
export async function trendEstimate({
  ctx,
  now = new Date(),
}: {
  ctx: Ctx;
  now?: Date;
}): Promise<TrendEstimate | null> {
  requirePermission(ctx, "iga.read");
  const thisYear = now.getUTCFullYear();
  const year = (await findFramework(ctx.db, thisYear)) ? thisYear : await activeYear(ctx.db);
  if (year === undefined) return null;
  const { result } = await regionScore({ ctx, year, counting: "ready" });
  return { year, index: result.index, category: result.category };
}
