"use client";

import {
  flexRender,
  getCoreRowModel,
  type SortingState,
  type Updater,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { SortIcon } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import { columnLabel, innovationColumns, type ListRow } from "./columns";
import { COLUMN_IDS, type ColumnId } from "./view-state";

interface Props {
  rows: ListRow[];
  total: number;
  pageIndex: number;
  pageSize: number;
  sorting: SortingState;
  visible: ColumnId[];
  pending: boolean;
  onSortingChange: (next: SortingState) => void;
  onVisibilityChange: (visible: ColumnId[]) => void;
}

const apply = <S,>(updater: Updater<S>, current: S): S =>
  typeof updater === "function" ? (updater as (old: S) => S)(current) : updater;

/**
 * The catalogue table. Everything is "manual": the rows are one page the server already
 * filtered, sorted and paged in the database; this component only turns clicks on headers and
 * the column menu into new URL state.
 */
export function InnovationDataTable({
  rows,
  total,
  pageIndex,
  pageSize,
  sorting,
  visible,
  pending,
  onSortingChange,
  onVisibilityChange,
}: Props) {
  const t = useTranslations();
  const locale = useLocale();
  const columns = useMemo(() => innovationColumns(t, locale), [t, locale]);
  const columnVisibility: VisibilityState = Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.includes(id)]));

  // The compiler cannot memoise TanStack's table object; this component is small and re-renders
  // only when the server sends a new page, so nothing is lost by skipping it here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    rowCount: total,
    state: { sorting, columnVisibility, pagination: { pageIndex, pageSize } },
    onSortingChange: (updater) => onSortingChange(apply(updater, sorting)),
    onColumnVisibilityChange: (updater) => {
      const next = apply(updater, columnVisibility);
      onVisibilityChange(COLUMN_IDS.filter((id) => next[id] !== false));
    },
  });

  return (
    <div
      className={cn(
        "overflow-x-auto rounded-lg border border-slate-200 bg-white transition-opacity",
        pending && "opacity-60",
      )}
    >
      <table className="w-full border-collapse text-left text-sm" aria-busy={pending} data-testid="innovation-table">
        <caption className="sr-only">{t("nav.innovations")}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const label = columnLabel(t, column.id as ColumnId);
                return (
                  <th
                    key={header.id}
                    scope="col"
                    data-column={column.id}
                    aria-sort={
                      column.getCanSort()
                        ? sorted === "asc"
                          ? "ascending"
                          : sorted === "desc"
                            ? "descending"
                            : "none"
                        : undefined
                    }
                    className="border-b border-slate-200 bg-slate-50 px-3 py-2 font-semibold whitespace-nowrap text-slate-800"
                  >
                    {column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
                        title={t("innovationList.sort.by", { column: label })}
                      >
                        {flexRender(column.columnDef.header, header.getContext())}
                        <SortIcon sorted={sorted} />
                      </button>
                    ) : (
                      flexRender(column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={cn("hover:bg-slate-50", row.original.archivedAt && "bg-slate-50 text-slate-600")}
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="border-b border-slate-100 px-3 py-2 align-top text-slate-800">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={table.getVisibleLeafColumns().length} className="px-3 py-8 text-center text-slate-700">
                {t("innovationList.empty")}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
