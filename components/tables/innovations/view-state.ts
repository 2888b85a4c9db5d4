import {
  COLUMNS_PARAM,
  DEFAULT_PAGE_SIZE,
  EXPORT_PATH,
  type ExportFormat,
  PAGE_PARAM,
  PAGE_SIZES,
  SIZE_PARAM,
  SORT_KEYS,
  type SortKey,
  VIEW_PARAMS,
} from "@/lib/innovations/list-params";

/**
 * How the list page reads its URL. Plain functions (no "use client"), so the server page and the
 * client table parse the same parameters the same way.
 */

export type ViewParams = Record<string, string | undefined>;

export const COLUMN_IDS = [
  "name",
  "agency",
  "stage",
  "innovationType",
  "form",
  "theme",
  "mainAffair",
  "yearApplied",
  "completeness",
  "maturity",
  "updatedAt",
] as const;
export type ColumnId = (typeof COLUMN_IDS)[number];
/** The name is what a row is; it cannot be hidden. */
export const HIDEABLE_COLUMNS = COLUMN_IDS.filter((id) => id !== "name");
export const DEFAULT_COLUMNS: ColumnId[] = [
  "name",
  "agency",
  "stage",
  "innovationType",
  "yearApplied",
  "completeness",
  "maturity",
];

export function parsePageSize(view: ViewParams): number {
  const size = Number(view[SIZE_PARAM]);
  return (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE;
}

export function parsePage(view: ViewParams): number {
  const page = Math.floor(Number(view[PAGE_PARAM]));
  return Number.isFinite(page) && page >= 1 ? page : 1;
}

export function parseSort(view: ViewParams): { sort: SortKey | undefined; dir: "asc" | "desc" } {
  const sort = (SORT_KEYS as readonly string[]).includes(view.sort ?? "") ? (view.sort as SortKey) : undefined;
  return { sort, dir: view.dir === "desc" ? "desc" : "asc" };
}

/** `cols=agency,stage`: the visible columns; absent means the default set. */
export function parseColumns(view: ViewParams): ColumnId[] {
  const raw = view[COLUMNS_PARAM];
  if (raw === undefined) return DEFAULT_COLUMNS;
  const wanted = new Set(raw.split(","));
  return COLUMN_IDS.filter((id) => id === "name" || wanted.has(id));
}

/** The `cols` value for a set of visible columns; null when it is the default (a shorter URL). */
export function serializeColumns(visible: readonly string[]): string | null {
  const ids = HIDEABLE_COLUMNS.filter((id) => visible.includes(id));
  const defaults = DEFAULT_COLUMNS.filter((id) => id !== "name");
  return ids.join(",") === defaults.join(",") ? null : ids.join(",");
}

/** Whether any filter narrows the view (sorting and paging do not). */
export function hasFilters(view: ViewParams): boolean {
  return VIEW_PARAMS.some((key) => key !== "sort" && key !== "dir" && !!view[key]);
}

/** The export of exactly this view: its filters and sort, none of its paging. */
export function exportHref(view: ViewParams, format: ExportFormat): string {
  const params = new URLSearchParams({ format });
  for (const key of VIEW_PARAMS) {
    const value = view[key];
    if (value) params.set(key, value);
  }
  return `${EXPORT_PATH}?${params}`;
}
