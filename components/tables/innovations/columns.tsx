"use client";

import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import type { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { InnovationListItem } from "@/lib/innovations/list-query";
import { SORT_KEYS } from "@/lib/innovations/list-params";
import { affairName } from "@/lib/reference/affairs";
import type { ColumnId } from "./view-state";

/** A row as the page hands it to the table (dates survive the server-to-client hand-over). */
export type ListRow = InnovationListItem;
type T = ReturnType<typeof useTranslations>;

const SORTABLE = new Set<string>(SORT_KEYS);
// Both server and browser format the same way, whatever their own time zone.
const dateFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Jakarta" });

/** The header label of each column (also used by the column menu). */
export function columnLabel(t: T, id: ColumnId): string {
  return t(`innovationList.columns.${id}`);
}

function NameCell({ row, t }: { row: ListRow; t: T }) {
  return (
    <div className="min-w-48">
      <Link
        href={`/innovations/${row.id}`}
        className="font-medium text-brand-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {row.name}
      </Link>
      {row.isSample && (
        <Badge tone="warning" className="ml-2" title={t("innovations.sampleHint")} data-testid="sample-badge">
          {t("innovationList.sampleBadge")}
        </Badge>
      )}
      {row.archivedAt && (
        <Badge tone="neutral" className="ml-2">
          {t("innovationList.archived")}
        </Badge>
      )}
      {row.summary && <span className="mt-0.5 line-clamp-2 block text-xs text-slate-600">{row.summary}</span>}
    </div>
  );
}

export function innovationColumns(t: T, locale: string): ColumnDef<ListRow>[] {
  const vocab = (kind: string, value: string | null) => (value ? t(`vocab.${kind}.${value}`) : "—");
  const column = (
    id: ColumnId,
    cell: (row: ListRow) => React.ReactNode,
    accessor: (row: ListRow) => unknown,
  ): ColumnDef<ListRow> => ({
    id,
    accessorFn: accessor,
    header: () => columnLabel(t, id),
    cell: ({ row }) => cell(row.original),
    enableSorting: SORTABLE.has(id),
    enableHiding: id !== "name",
    // Newest changes first is what one wants from "updated"; the rest read naturally upwards.
    sortDescFirst: id === "updatedAt",
  });
  const format = dateFormat(locale);
  return [
    column(
      "name",
      (row) => <NameCell row={row} t={t} />,
      (row) => row.name,
    ),
    column(
      "agency",
      (row) => <span title={row.agencyFullName}>{row.agencyName}</span>,
      (row) => row.agencyName,
    ),
    column(
      "stage",
      (row) => <span className="whitespace-nowrap">{vocab("stage", row.stage)}</span>,
      (row) => row.stage,
    ),
    column(
      "innovationType",
      (row) => <span className="whitespace-nowrap">{vocab("innovationType", row.innovationType)}</span>,
      (row) => row.innovationType,
    ),
    column(
      "form",
      (row) => vocab("form", row.form),
      (row) => row.form,
    ),
    column(
      "theme",
      (row) => vocab("theme", row.theme),
      (row) => row.theme,
    ),
    column(
      "mainAffair",
      (row) => (row.mainAffair ? affairName(row.mainAffair) : "—"),
      (row) => row.mainAffair,
    ),
    column(
      "yearApplied",
      (row) => <span className="tabular-nums">{row.yearApplied}</span>,
      (row) => row.yearApplied,
    ),
    column(
      "completeness",
      (row) => (
        <span
          className="tabular-nums"
          aria-label={t("innovationList.completenessValue", { percent: row.completeness })}
        >
          {row.completeness === 100 ? <Badge tone="success">100%</Badge> : `${row.completeness}%`}
        </span>
      ),
      (row) => row.completeness,
    ),
    column(
      "maturity",
      (row) =>
        row.maturity === null || row.maturity === undefined ? (
          "—"
        ) : (
          <span className="tabular-nums" title={t("igaYears.maturity.hint")} data-testid="maturity-cell">
            {new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(row.maturity)}
          </span>
        ),
      (row) => row.maturity,
    ),
    column(
      "updatedAt",
      (row) => <span className="whitespace-nowrap">{format.format(new Date(row.updatedAt))}</span>,
      (row) => row.updatedAt,
    ),
  ];
}
