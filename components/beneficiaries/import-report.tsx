"use client";

import { Download } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import type { BatchSummary } from "@/lib/beneficiaries/batches";

const PAGE_SIZE = 20;

/** Counts, warnings and the rejected rows (paged) of a checked or finished batch. */
export function BeneficiaryImportReport({ batch }: { batch: BatchSummary }) {
  const t = useTranslations("beneficiaries");
  const format = useFormatter();
  const [page, setPage] = useState(1);
  const report = batch.report;
  if (!report) return null;
  const pages = Math.max(1, Math.ceil(report.errors.length / PAGE_SIZE));
  const shown = report.errors.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const counts = [
    ["rows", report.rows],
    ["accepted", report.accepted],
    ["duplicates", report.duplicates],
    ["rejected", report.rejected],
  ] as const;

  return (
    <div className="space-y-4" data-testid="beneficiary-report">
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
            <dt className="text-xs text-slate-600">{t(`import.counts.${key}`)}</dt>
            <dd className="text-xl font-semibold text-slate-900" data-testid={`count-${key}`}>
              {format.number(value)}
            </dd>
          </div>
        ))}
      </dl>
      <p className="text-sm text-slate-700">
        {report.dryRun
          ? t("import.acceptedDry", { count: report.accepted })
          : report.status === "done"
            ? t("import.acceptedDone", { count: report.accepted })
            : null}{" "}
        {report.duplicates > 0 && t("import.duplicatesNote")}
      </p>

      {report.warnings.length > 0 && (
        <Alert tone="warning">
          <p className="font-semibold">{t("import.warningsTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {report.warnings.slice(0, 10).map((w, i) => (
              <li key={i}>
                {w.row ? `${t("import.row")} ${w.row}: ` : ""}
                {w.message}
              </li>
            ))}
          </ul>
        </Alert>
      )}

      {report.rejected > 0 && (
        <section aria-labelledby={`rejected-${batch.id}`} className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h3 id={`rejected-${batch.id}`} className="text-base font-semibold text-slate-900">
              {t("import.rejectedTitle")}
            </h3>
            {batch.canDownloadRejected && (
              <Button asChild variant="secondary">
                <a href={`/api/v1/import-batches/${batch.id}/rejected-rows`} download>
                  <Download aria-hidden className="size-4" />
                  {t("import.downloadRejected")}
                </a>
              </Button>
            )}
          </div>
          <p className="text-sm text-slate-600">{t("import.rejectedHint")}</p>
          <Table>
            <thead>
              <tr>
                <Th>{t("import.row")}</Th>
                <Th>{t("import.column")}</Th>
                <Th>{t("import.message")}</Th>
                <Th className="hidden sm:table-cell">{t("import.code")}</Th>
              </tr>
            </thead>
            <tbody>
              {shown.map((e, i) => (
                <tr key={`${e.row}-${e.column}-${i}`}>
                  <Td className="tabular-nums">{e.row}</Td>
                  <Td>{t(`columns.${e.column}`)}</Td>
                  <Td>{e.message}</Td>
                  <Td className="hidden font-mono text-xs text-slate-600 sm:table-cell">{e.code}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {pages > 1 && (
            <nav className="flex items-center justify-between gap-2" aria-label={t("import.rejectedTitle")}>
              <Button type="button" variant="secondary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                {t("import.previous")}
              </Button>
              <span className="text-sm text-slate-700">{t("import.pageStatus", { page, pages })}</span>
              <Button type="button" variant="secondary" disabled={page >= pages} onClick={() => setPage((p) => p + 1)}>
                {t("import.next")}
              </Button>
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
