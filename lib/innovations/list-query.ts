/**
 * The SQL pieces shared by the catalogue list, its facet counts and its export, so the three
 * can never disagree about what "the current view" is.
 */

import { and, asc, desc, eq, ilike, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import type { ListInnovationsQuery } from "./list-innovations";
import type { CompletenessBucket, FacetKey, SortKey } from "./list-params";


type Filters = Omit<ListInnovationsQuery, "sort" | "dir" | "limit" | "offset">;

/** `%`, `_` and `\` typed by a person are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// No bound parameters inside, so PostgreSQL sees the same expression in SELECT and GROUP BY.
const completenessBucket = sql<CompletenessBucket>`case when ${innovations.completeness} = 100 then 'complete' else 'incomplete' end`;

/** The column (or expression) each facet counts over. */
export const FACET_EXPRESSIONS = {
  stage: innovations.stage,
  innovationType: innovations.innovationType,
  form: innovations.form,
  theme: innovations.theme,
  mainAffair: innovations.mainAffair,
  agencyId: innovations.agencyId,
  yearApplied: innovations.yearApplied,
  completeness: completenessBucket,
} as const;

/**
 * The WHERE clause of a catalogue query. `omit` leaves one facet's own filter out, so that its
 * counts say how many rows each of its values would give with all the other filters kept.
 */
export function listWhere(regionCode: string, f: Filters, omit?: FacetKey): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(innovations.regionCode, regionCode)];
  if (!f.includeArchived) where.push(isNull(innovations.archivedAt));
  if (f.isSample !== undefined) where.push(eq(innovations.isSample, f.isSample));
  if (f.q) {
    const like = likePattern(f.q);
    where.push(or(ilike(innovations.name, like), ilike(innovations.summary, like)));
  }
  const facetFilter: { [K in FacetKey]: () => SQL | undefined } = {
    stage: () => (f.stage ? eq(innovations.stage, f.stage) : undefined),
    innovationType: () => (f.innovationType ? eq(innovations.innovationType, f.innovationType) : undefined),
    form: () => (f.form ? eq(innovations.form, f.form) : undefined),
    theme: () => (f.theme ? eq(innovations.theme, f.theme) : undefined),
    mainAffair: () => (f.mainAffair ? eq(innovations.mainAffair, f.mainAffair) : undefined),
    agencyId: () => (f.agencyId ? eq(innovations.agencyId, f.agencyId) : undefined),
    yearApplied: () => (f.yearApplied !== undefined ? eq(innovations.yearApplied, f.yearApplied) : undefined),
    completeness: () =>
      f.completeness === "complete"
        ? eq(innovations.completeness, 100)
        : f.completeness === "incomplete"
          ? lt(innovations.completeness, 100)
          : undefined,
  };
  for (const key of Object.keys(facetFilter) as FacetKey[]) if (key !== omit) where.push(facetFilter[key]());
  return and(...where);
}

// Stages sort in the order an innovation goes through them, not alphabetically.
const stageRank = sql`case ${innovations.stage} when 'inisiatif' then 1 when 'uji_coba' then 2 else 3 end`;
// Case-insensitive, so "e-Sakip" and "E-SAKIP" sit together whatever the server's collation.
const lowerName = sql`lower(${innovations.name})`;

const SORT_EXPRESSIONS: Record<SortKey, SQL> = {
  name: lowerName,
  agency: sql`lower(${agencies.shortName})`,
  stage: stageRank,
  yearApplied: sql`${innovations.yearApplied}`,
  completeness: sql`${innovations.completeness}`,
  updatedAt: sql`${innovations.updatedAt}`,
};

/**
 * ORDER BY for a sort key. Ties fall back to the name and then the id in the same direction, so
 * paging is stable and descending is exactly ascending reversed. Without a key the real
 * innovations come before the sample ones.
 */
export function listOrder(sort: SortKey | undefined, dir: "asc" | "desc"): SQL[] {
  const by = dir === "desc" ? desc : asc;
  if (!sort) return [asc(innovations.isSample), asc(lowerName), asc(innovations.id)];
  const keys = sort === "name" ? [lowerName] : [SORT_EXPRESSIONS[sort], lowerName];
  return [...keys.map((k) => by(k)), by(innovations.id)];
}

/** One page of rows with the fields the list, the API and the export show (no long texts). */
export function selectRows(db: Executor, where: SQL | undefined, order: SQL[], limit: number, offset: number) {
  return db
    .select({
      id: innovations.id,
      name: innovations.name,
      summary: innovations.summary,
      agencyId: innovations.agencyId,
      agencyName: agencies.shortName,
      agencyFullName: agencies.name,
      agencyCode: agencies.code,
      stage: innovations.stage,
      initiatorType: innovations.initiatorType,
      initiatorName: innovations.initiatorName,
      innovationType: innovations.innovationType,
      form: innovations.form,
      theme: innovations.theme,
      mainAffair: innovations.mainAffair,
      otherAffairs: innovations.otherAffairs,
      trialDate: innovations.trialDate,
      implementationDate: innovations.implementationDate,
      yearApplied: innovations.yearApplied,
      completeness: innovations.completeness,
      isSample: innovations.isSample,
      archivedAt: innovations.archivedAt,
      updatedAt: innovations.updatedAt,
      version: innovations.version,
    })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
}

export type InnovationListItem = Awaited<ReturnType<typeof selectRows>>[number];
