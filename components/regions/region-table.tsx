"use client";

import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { SortIcon } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { RegionSummary } from "@/lib/regions/summary";
import { countText, FIGURE_COLUMNS, innovationsText, regionColumns } from "./columns";

const cellClass = (id: string) =>
  cn(
    "border-b border-slate-100 px-3 py-2 align-top text-slate-800",
    FIGURE_COLUMNS.has(id) && "text-right tabular-nums",
  );

/**
 * The regions side by side, sortable in the browser (a province has a few dozen rows at most),
 * with the totals below. On a phone the table scrolls sideways inside its own box, not the page.
 */
export function RegionTable({ summary }: { summary: RegionSummary }) {
  const t = useTranslations();
  const format = useFormatter();
  const columns = useMemo(() => regionColumns(t, format), [t, format]);
  const [sorting, setSorting] = useState<SortingState>([]);
  // TanStack's table object cannot be memoised by the compiler; the table is small.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: summary.regions,
    columns,
    getRowId: (row) => row.code,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    state: { sorting },
    onSortingChange: setSorting,
  });
  const { totals } = summary;
  return (
    <div
      className="max-w-full overflow-x-auto rounded-lg border border-slate-200 bg-white"
      data-testid="region-table-box"
    >
      <table className="w-full border-collapse text-left text-sm" data-testid="region-table">
        <caption className="sr-only">{t("regions.title")}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const column = header.column;
                const sorted = column.getIsSorted();
                const label = flexRender(column.columnDef.header, header.getContext());
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={
                      !column.getCanSort()
                        ? undefined
                        : sorted === "asc"
                          ? "ascending"
                          : sorted === "desc"
                            ? "descending"
                            : "none"
                    }
                    className={cn(
                      "border-b border-slate-200 bg-slate-50 px-3 py-2 font-semibold text-slate-800",
                      FIGURE_COLUMNS.has(column.id) && "text-right",
                    )}
                  >
                    {column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={column.getToggleSortingHandler()}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 text-left hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-brand-600"
                      >
                        {label}
                        <SortIcon sorted={sorted} />
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="hover:bg-slate-50" data-testid={`region-${row.id}`}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className={cellClass(cell.column.id)}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="bg-slate-50 font-semibold" data-testid="region-totals">
            <th scope="row" className="px-3 py-2 text-left">
              {t("regions.total")}
              <span className="block text-xs font-normal text-slate-600">
                {t("regions.regionCount", { count: summary.regions.length })}
              </span>
            </th>
            <td className={cellClass("innovations")}>{innovationsText(t, totals.innovations)}</td>
            <td className={cellClass("estimate")} />
            <td className={cellClass("rank")} />
            <td className={cellClass("residents")}>{countText(format, totals.reach.residents)}</td>
            <td className={cellClass("records")}>{countText(format, totals.reach.records)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
