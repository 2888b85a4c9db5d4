/**
 * The SQL pieces shared by the catalogue list, its facet counts and its export, so the three
 * can never disagree about what "the current view" is.
 */

import { maturitySql } from "@/lib/iga/maturity-sql";
import { and, asc, desc, eq, ilike, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import type { ListInnovationsQuery } from "./list-input";
import { FACET_KEYS, type FacetKey, type SortKey } from "./list-params";

type Filters = Omit<ListInnovationsQuery, "sort" | "dir" | "limit" | "offset">;

/** `%`, `_` and `\` typed by a person are literal characters, not wildcards. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The profile columns that facets filter and count on: the table's, or a CTE's of the same names. */
export const FACET_COLUMNS = {
  stage: innovations.stage,
  innovationType: innovations.innovationType,
  form: innovations.form,
  theme: innovations.theme,
  mainAffair: innovations.mainAffair,
  agencyId: innovations.agencyId,
  yearApplied: innovations.yearApplied,
  completeness: innovations.completeness,
};
export type FacetColumns = { [K in keyof typeof FACET_COLUMNS]: PgColumn };

/** What a facet counts over; for completeness the bucket (no bound parameters, so GROUP BY matches it). */
export function facetExpression(c: FacetColumns, key: FacetKey): PgColumn | SQL {
  return key === "completeness" ? sql`case when ${c.completeness} = 100 then 'complete' else 'incomplete' end` : c[key];
}

/** The facet filters in effect, each on the given columns; `omit` leaves one out. */
export function facetFilters(c: FacetColumns, f: Filters, omit?: FacetKey): (SQL | undefined)[] {
  const filters: Record<FacetKey, SQL | undefined> = {
    stage: f.stage ? eq(c.stage, f.stage) : undefined,
    innovationType: f.innovationType ? eq(c.innovationType, f.innovationType) : undefined,
    form: f.form ? eq(c.form, f.form) : undefined,
    theme: f.theme ? eq(c.theme, f.theme) : undefined,
    mainAffair: f.mainAffair ? eq(c.mainAffair, f.mainAffair) : undefined,
    agencyId: f.agencyId ? eq(c.agencyId, f.agencyId) : undefined,
    yearApplied: f.yearApplied !== undefined ? eq(c.yearApplied, f.yearApplied) : undefined,
    completeness:
      f.completeness === "complete"
        ? eq(c.completeness, 100)
        : f.completeness === "incomplete"
          ? lt(c.completeness, 100)
          : undefined,
  };
  return FACET_KEYS.filter((key) => key !== omit).map((key) => filters[key]);
}

/** The conditions that are not facets: region, archive, sample flag and the text search. */
export function baseWhere(regionCode: string, f: Filters): SQL | undefined {
  const where: (SQL | undefined)[] = [eq(innovations.regionCode, regionCode)];
  if (!f.includeArchived) where.push(isNull(innovations.archivedAt));
  if (f.isSample !== undefined) where.push(eq(innovations.isSample, f.isSample));
  if (f.q) {
    const like = likePattern(f.q);
    where.push(or(ilike(innovations.name, like), ilike(innovations.summary, like)));
  }
  return and(...where);
}

/**
 * The WHERE clause of a catalogue query. `omit` leaves one facet's own filter out, so that its
 * counts say how many rows each of its values would give with all the other filters kept.
 */
export function listWhere(regionCode: string, f: Filters, omit?: FacetKey): SQL | undefined {
  return and(baseWhere(regionCode, f), ...facetFilters(FACET_COLUMNS, f, omit));
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
  // Never assessed sorts as 0: last going up, first going down never reads "unknown" as mature.
  maturity: sql`coalesce(${maturitySql}, 0)`,
  updatedAt: sql`${innovations.updatedAt}`,
};

/**
 * ORDER BY for a sort key. Ties fall back to the name and then the id in the same direction, so
 * paging is stable and descending is exactly ascending reversed. Without a key the real
 * innovations come before the sample ones.
 */
function listOrder(sort: SortKey | undefined, dir: "asc" | "desc"): SQL[] {
  const by = dir === "desc" ? desc : asc;
  if (!sort) return [asc(innovations.isSample), asc(lowerName), asc(innovations.id)];
  const keys = sort === "name" ? [lowerName] : [SORT_EXPRESSIONS[sort], lowerName];
  return [...keys.map((k) => by(k)), by(innovations.id)];
}

const ROW_FIELDS = {
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
  classification: innovations.classification,
  latitude: innovations.latitude,
  longitude: innovations.longitude,
  astaCita: innovations.astaCita,
  priorityCluster: innovations.priorityCluster,
  latestDevelopmentDate: innovations.latestDevelopmentDate,
  completeness: innovations.completeness,
  isSample: innovations.isSample,
  archivedAt: innovations.archivedAt,
  updatedAt: innovations.updatedAt,
  version: innovations.version,
};

/** The ids of the view in order; agencies are joined only to sort by them. */
export function orderedIds(db: Executor, where: SQL | undefined, sort: SortKey | undefined, dir: "asc" | "desc") {
  const ids =
    sort === "agency"
      ? db
          .select({ id: innovations.id })
          .from(innovations)
          .innerJoin(
            agencies,
            and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)),
          )
      : db.select({ id: innovations.id }).from(innovations);
  return ids.where(where).orderBy(...listOrder(sort, dir));
}

/**
 * One page of rows with the fields the list, the API and the export show (no long texts). The
 * page is cut on ids alone and the wide rows are fetched for that page only: carrying every
 * column through a sort of the whole catalogue made a page about three times slower at 10,000
 * innovations.
 */
export function selectRows(
  db: Executor,
  where: SQL | undefined,
  sort: SortKey | undefined,
  dir: "asc" | "desc",
  limit: number,
  offset: number,
) {
  const page = orderedIds(db, where, sort, dir).limit(limit).offset(offset).as("page");
  // Maturity is read for the page's rows only (the export leaves it out: a subquery per row).
  return db
    .select({ ...ROW_FIELDS, maturity: maturitySql.mapWith((v) => (v === null ? null : Number(v))) })
    .from(page)
    .innerJoin(innovations, eq(innovations.id, page.id))
    .innerJoin(agencies, and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)))
    .orderBy(...listOrder(sort, dir));
}

/**
 * The rows with these ids, in the order of the ids given (missing ones, deleted meanwhile, skipped).
 * The ids go as ONE array parameter: a thousand separate `IN ($1, …)` parameters made each export
 * page several times slower to bind and plan, in PGlite above all. They are uuids read from the
 * database, so the array literal needs no quoting.
 */
export async function selectRowsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select(ROW_FIELDS)
    .from(innovations)
    .innerJoin(agencies, and(eq(agencies.regionCode, innovations.regionCode), eq(agencies.id, innovations.agencyId)))
    .where(sql`${innovations.id} = any(${`{${ids.join(",")}}`}::uuid[])`);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export type InnovationListItem = Awaited<ReturnType<typeof selectRowsByIds>>[number] & { maturity?: number | null };
