import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { serviceFacts } from "@/db/schema/analytics";
import { igaResults } from "@/db/schema/iga-results";
import { innovations } from "@/db/schema/innovations";
import { published } from "@/lib/beneficiaries/published";
import { findFramework } from "@/lib/iga/frameworks";
import { scoreRegion } from "@/lib/iga/region-score";

/*
 * The roll-up's figures, each one aggregate query over the regions in reach, grouped by
 * region_code: no row of a person, no NIK, no name leaves the database.
 */

export interface InnovationCounts {
  total: number;
  published: number;
}

/** Innovations per region: all not archived, and those shown in the public gallery. */
export async function innovationCounts(db: Executor, codes: string[]): Promise<Map<string, InnovationCounts>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({
      code: innovations.regionCode,
      total: sql<number>`count(*)::int`,
      published: sql<number>`(count(*) filter (where ${innovations.isPublic}))::int`,
    })
    .from(innovations)
    .where(and(inArray(innovations.regionCode, codes), isNull(innovations.archivedAt)))
    .groupBy(innovations.regionCode);
  return new Map(rows.map((r) => [r.code, { total: Number(r.total), published: Number(r.published) }]));
}

export interface Reached {
  residents: number;
  records: number;
}

/** Distinct residents and service records per region in the year, from the published batches' facts. */
export async function reachCounts(db: Executor, codes: string[], year: number): Promise<Map<string, Reached>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({
      code: serviceFacts.regionCode,
      residents: sql<number>`count(distinct ${serviceFacts.residentOrdinal})::int`,
      records: sql<number>`coalesce(sum(${serviceFacts.records}), 0)::int`,
    })
    .from(serviceFacts)
    .where(and(inArray(serviceFacts.regionCode, codes), eq(serviceFacts.year, year), published(serviceFacts.batchId)))
    .groupBy(serviceFacts.regionCode);
  return new Map(rows.map((r) => [r.code, { residents: Number(r.residents), records: Number(r.records) }]));
}

export interface PublishedResult {
  nationalRank: number | null;
  provinceRank: number | null;
  index: number | null;
  category: string | null;
}

/** The year's published IGA results (ranks from the decree), per region that has one. */
export async function publishedResults(
  db: Executor,
  codes: string[],
  year: number,
): Promise<Map<string, PublishedResult>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({
      code: igaResults.regionCode,
      nationalRank: igaResults.nationalRank,
      provinceRank: igaResults.provinceRank,
      index: igaResults.index,
      category: igaResults.category,
    })
    .from(igaResults)
    .where(and(inArray(igaResults.regionCode, codes), eq(igaResults.year, year)));
  return new Map(rows.map(({ code, ...r }) => [code, r]));
}

export interface Estimate {
  index: number;
  category: string;
  /** The innovations the estimate counts (submitted for the year). */
  innovations: number;
}

/**
 * The IGA estimate per region for the year (lib/iga/region-score.ts, what was submitted), for the
 * regions that submitted something; none when the year has no rule set.
 */
export async function estimates(db: Executor, codes: string[], year: number): Promise<Map<string, Estimate>> {
  const framework = await findFramework(db, year);
  if (!framework) return new Map();
  const out = new Map<string, Estimate>();
  for (const code of codes) {
    const result = await scoreRegion(db, code, year, framework);
    if (result.assessable)
      out.set(code, { index: result.index, category: result.category, innovations: result.innovations });
  }
  return out;
}
