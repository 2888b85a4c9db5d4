"use client";

import type { ColumnDef } from "@tanstack/react-table";
import type { useFormatter, useTranslations } from "next-intl";
import type { InnovationCounts } from "@/lib/regions/figures";
import type { RegionRow, SuppressedCount } from "@/lib/regions/summary";

type T = ReturnType<typeof useTranslations>;
type F = ReturnType<typeof useFormatter>;

/** A suppressed count as shown: exact, "<10" or "x" (see the note under the table). */
export function countText(format: F, value: SuppressedCount): string {
  return typeof value === "number" ? format.number(value) : value;
}

export function innovationsText(t: T, { published, total }: InnovationCounts): string {
  return t("regions.published", { published, total });
}

/** The columns of figures, aligned right. */
export const FIGURE_COLUMNS = new Set(["innovations", "estimate", "rank", "residents", "records"]);

/**
 * The regions side by side. Sorting on everything but the counts of people: their suppressed
 * cells must not be ordered by what they hide.
 */
export function regionColumns(t: T, format: F): ColumnDef<RegionRow>[] {
  const none = t("regions.none");
  const rank = (v: number | null) => (v === null ? none : format.number(v));
  return [
    {
      id: "region",
      accessorFn: (r) => r.code,
      header: () => t("regions.col.region"),
      cell: ({ row }) => (
        <div className="min-w-40">
          <span className="font-medium">{row.original.name}</span>
          <span className="block text-xs text-slate-600">{row.original.code}</span>
        </div>
      ),
    },
    {
      id: "innovations",
      accessorFn: (r) => r.innovations.total,
      header: () => t("regions.col.innovations"),
      cell: ({ row }) => innovationsText(t, row.original.innovations),
    },
    {
      id: "estimate",
      accessorFn: (r) => r.estimate?.index ?? -1,
      header: () => t("regions.col.estimate"),
      cell: ({ row }) => {
        const e = row.original.estimate;
        if (!e) return none;
        return (
          <span title={t("regions.estimateHint", { count: e.innovations })}>
            {format.number(e.index, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}
            <span className="block text-xs text-slate-600">{e.category}</span>
          </span>
        );
      },
    },
    {
      id: "rank",
      accessorFn: (r) => r.published?.nationalRank ?? Number.MAX_SAFE_INTEGER,
      header: () => t("regions.col.rank"),
      cell: ({ row }) => {
        const p = row.original.published;
        return p ? `${rank(p.nationalRank)} / ${rank(p.provinceRank)}` : none;
      },
    },
    {
      id: "residents",
      enableSorting: false,
      header: () => t("regions.col.residents"),
      cell: ({ row }) => countText(format, row.original.reach.residents),
    },
    {
      id: "records",
      enableSorting: false,
      header: () => t("regions.col.records"),
      cell: ({ row }) => countText(format, row.original.reach.records),
    },
  ];
}
