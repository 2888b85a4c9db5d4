"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th } from "@/components/ui/table";
import type { RowAction } from "@/lib/innovations/import/plan";
import type { ImportReport } from "@/lib/innovations/import/run-import";

const TONE: Record<RowAction, "success" | "brand" | "neutral" | "danger"> = {
  create: "success",
  update: "brand",
  unchanged: "neutral",
  reject: "danger",
};
const TOTALS = ["rows", "create", "update", "unchanged", "reject"] as const;

/** Counts and the row-by-row table of an import report (dry run or real). */
export function ImportReportView({ report }: { report: ImportReport }) {
  const t = useTranslations("innovationImport");
  const format = useFormatter();
  // With 110 rows and two problems, the problems are what the reader came for.
  const [onlyProblems, setOnlyProblems] = useState(report.totals.reject > 0);
  const rows = onlyProblems ? report.rows.filter((r) => r.action === "reject") : report.rows;
  return (
    <div className="space-y-4">
      {report.dryRun && <p className="text-sm font-medium text-slate-800">{t("dryRunNote")}</p>}
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="import-totals">
        {TOTALS.map((key) => (
          <div key={key} data-testid={`import-total-${key}`}>
            <Stat label={t(`totals.${key}`)} value={format.number(report.totals[key])} />
          </div>
        ))}
      </div>
      {report.ignoredColumns.length > 0 && (
        <p className="text-sm text-amber-900">{t("ignoredColumns", { columns: report.ignoredColumns.join(", ") })}</p>
      )}
      {report.totals.reject > 0 && report.totals.reject < report.totals.rows && (
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            className="size-4"
            checked={onlyProblems}
            onChange={(e) => setOnlyProblems(e.currentTarget.checked)}
          />
          {t("onlyProblems")}
        </label>
      )}
      <Table>
        <caption className="sr-only">{t("table.caption", { file: report.fileName })}</caption>
        <thead>
          <tr>
            <Th className="w-16 text-right">{t("table.row")}</Th>
            <Th>{t("table.action")}</Th>
            <Th>{t("table.name")}</Th>
            <Th>{t("table.agency")}</Th>
            <Th>{t("table.details")}</Th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-testid={`import-row-${r.row}`}>
              <Td className="text-right tabular-nums">{r.row}</Td>
              <Td>
                <Badge tone={TONE[r.action]}>{t(`action.${r.action}`)}</Badge>
              </Td>
              <Td>{r.name || "—"}</Td>
              <Td>{r.agency || "—"}</Td>
              <Td>
                {r.errors.length > 0 && (
                  <ul className="space-y-1">
                    {r.errors.map((e, i) => (
                      <li key={i}>
                        <span className="font-mono text-xs text-slate-700">{e.column}</span>: {e.message}
                      </li>
                    ))}
                  </ul>
                )}
                {r.changed && (
                  <span className="text-slate-700">{t("table.changed", { columns: r.changed.join(", ") })}</span>
                )}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
