"use client";

import { Download, Undo2 } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { BatchSummary } from "@/lib/beneficiaries/batches";

/** Past imports of the innovation (dry runs left out), each undoable as a whole while done. */
export function BeneficiaryBatchList({ batches, onChanged }: { batches: BatchSummary[]; onChanged: () => Promise<void> }) {
  const t = useTranslations("beneficiaries");
  const format = useFormatter();
  const locale = useLocale();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const shown = batches.filter((b) => !b.dryRun);

  async function undo(batch: BatchSummary) {
    if (!window.confirm(t("import.undoConfirm", { count: batch.accepted }))) return;
    setBusy(batch.id);
    try {
      const res = await fetch(`/api/v1/import-batches/${batch.id}/undo`, { method: "POST", headers: { "accept-language": locale } });
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      setMessage(res.ok ? { tone: "success", text: t("import.undoDone") } : { tone: "error", text: body?.error?.message ?? t("import.networkError") });
      await onChanged();
    } catch {
      setMessage({ tone: "error", text: t("import.networkError") });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card>
      <CardTitle>{t("import.batchesTitle")}</CardTitle>
      {message && (
        <Alert tone={message.tone} className="mb-4">
          {message.text}
        </Alert>
      )}
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">{t("import.batchesEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="beneficiary-batches">
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("import.batchDate")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("import.batchFile")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("import.batchStatus")}
                </th>
                <th scope="col" className="py-2 pr-3 text-right">
                  {t("import.counts.accepted")}
                </th>
                <th scope="col" className="hidden py-2 pr-3 text-right sm:table-cell">
                  {t("import.counts.duplicates")}
                </th>
                <th scope="col" className="hidden py-2 pr-3 text-right sm:table-cell">
                  {t("import.counts.rejected")}
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">{t("import.undo")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((b) => (
                <tr key={b.id} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(new Date(b.createdAt), { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="py-2 pr-3 break-all">
                    {b.fileName ?? "—"} <span className="text-xs text-slate-500">({t(`import.source.${b.source as "upload" | "api" | "cli"}`)})</span>
                  </td>
                  <td className="py-2 pr-3">{t(`status.${b.status as "running" | "done" | "checked" | "failed" | "undone"}`)}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{b.accepted.toLocaleString()}</td>
                  <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell">{b.duplicates.toLocaleString()}</td>
                  <td className="hidden py-2 pr-3 text-right tabular-nums sm:table-cell">{b.rejected.toLocaleString()}</td>
                  <td className="py-2">
                    <div className="flex flex-wrap justify-end gap-2">
                      {b.canDownloadRejected && (
                        <Button asChild variant="ghost" className="px-2">
                          <a href={`/api/v1/import-batches/${b.id}/rejected-rows`} download aria-label={t("import.downloadRejected")} title={t("import.downloadRejected")}>
                            <Download aria-hidden className="size-4" />
                          </a>
                        </Button>
                      )}
                      {b.status === "done" && b.accepted > 0 && (
                        <Button type="button" variant="secondary" className="px-3" disabled={busy === b.id} onClick={() => void undo(b)}>
                          <Undo2 aria-hidden className="size-4" />
                          {t("import.undo")}
                        </Button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
