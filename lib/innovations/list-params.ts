/**
 * Names and values of the catalogue's query parameters, with no server imports, so the client
 * components of the list page can share them with the queries in `list-query.ts`.
 */

export const SORT_KEYS = ["name", "agency", "stage", "yearApplied", "completeness", "maturity", "updatedAt"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** The filters that get counts per value (facets), in the order the page shows them. */
export const FACET_KEYS = [
  "stage",
  "innovationType",
  "form",
  "theme",
  "mainAffair",
  "agencyId",
  "yearApplied",
  "completeness",
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export const COMPLETENESS_BUCKETS = ["complete", "incomplete"] as const;

/** Every parameter that narrows or orders the view (what the export link carries over). */
export const VIEW_PARAMS = ["q", ...FACET_KEYS, "includeArchived", "isSample", "sort", "dir"] as const;

/** The list page's own parameters: a page number and size read better in a URL than offset/limit. */
export const PAGE_PARAM = "page";
export const SIZE_PARAM = "size";
export const COLUMNS_PARAM = "cols";
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const EXPORT_PATH = "/api/v1/innovations/export";
/** Most rows one export holds; a province-wide catalogue fits well under it. */
export const EXPORT_CAP = 50_000;
