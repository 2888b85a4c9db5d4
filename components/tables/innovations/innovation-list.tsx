"use client";

import type { SortingState } from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import type { FacetCounts } from "@/lib/innovations/facets";
import { COLUMNS_PARAM, PAGE_PARAM, SIZE_PARAM } from "@/lib/innovations/list-params";
import { ColumnMenu } from "./column-menu";
import type { ListRow } from "./columns";
import { InnovationDataTable } from "./data-table";
import { ExportButtons } from "./export-buttons";
import { type AgencyOption, FilterPanel } from "./filter-panel";
import { TablePagination } from "./table-pagination";
import { useUrlState } from "./use-url-state";
import { type ColumnId, parseColumns, parsePage, parsePageSize, parseSort, serializeColumns } from "./view-state";

interface Props {
  rows: ListRow[];
  total: number;
  facets: FacetCounts;
  agencies: AgencyOption[];
}

/**
 * The catalogue's interactive part. One URL-state hook for all controls, so changes made in
 * quick succession (a filter, then a sort) build on each other before the server has answered.
 */
export function InnovationList({ rows, total, facets, agencies }: Props) {
  const t = useTranslations();
  const { view, pending, navigate, hrefFor } = useUrlState();
  const page = parsePage(view);
  const pageSize = parsePageSize(view);
  const { sort, dir } = parseSort(view);
  const sorting: SortingState = sort ? [{ id: sort, desc: dir === "desc" }] : [];

  // Showing or hiding a column needs no new rows, so it does not ask the server: the choice is
  // shown at once and written into the current history entry, so a reload or a shared link keeps
  // it and Back skips it.
  const visible = parseColumns(view);
  const onVisibilityChange = (next: ColumnId[]) =>
    navigate({ [COLUMNS_PARAM]: serializeColumns(next) }, { keepPage: true, replace: true, shallow: true });

  return (
    <div className="space-y-4">
      <FilterPanel view={view} facets={facets} agencies={agencies} navigate={navigate} resetHref="/innovations" />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm font-medium text-slate-800" data-testid="innovation-total" aria-live="polite">
          {t("innovations.total", { count: total })}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <ColumnMenu visible={visible} onChange={onVisibilityChange} />
          <ExportButtons view={view} />
        </div>
      </div>
      <InnovationDataTable
        rows={rows}
        total={total}
        pageIndex={page - 1}
        pageSize={pageSize}
        sorting={sorting}
        visible={visible}
        pending={pending}
        onSortingChange={(next) => navigate({ sort: next[0]?.id ?? null, dir: next[0]?.desc ? "desc" : null })}
        onVisibilityChange={onVisibilityChange}
      />
      <TablePagination
        page={page}
        pageSize={pageSize}
        total={total}
        hrefForPage={(p) => hrefFor({ [PAGE_PARAM]: p === 1 ? null : String(p) }, { keepPage: true })}
        onPageSize={(size) => navigate({ [SIZE_PARAM]: String(size) })}
      />
    </div>
  );
}
