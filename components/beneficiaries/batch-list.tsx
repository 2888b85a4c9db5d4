"use client";

import { Download, Undo2 } from "lucide-react";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { BatchSummary } from "@/lib/beneficiaries/batches";
import { getJson } from "@/lib/http/get-json";

/** Past imports of the innovation (dry runs left out), each undoable as a whole while done. */
export function BeneficiaryBatchList({
  batches,
  onChanged,
}: {
  batches: BatchSummary[];
  onChanged: () => Promise<void>;
}) {
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
      const { ok, error } = await getJson(`/api/v1/import-batches/${batch.id}/undo`, {
        method: "POST",
        headers: { "accept-language": locale },
      });
      setMessage(
        ok
          ? { tone: "success", text: t("import.undoDone") }
          : { tone: "error", text: error ?? t("import.networkError") },
      );
      await onChanged();
    } finally {
      setBusy(null);
    }
  }

  const actions = (b: BatchSummary) => (
    <div className="flex flex-wrap justify-end gap-2">
      {b.canDownloadRejected && (
        <Button asChild variant="ghost" className="px-2">
          <a
            href={`/api/v1/import-batches/${b.id}/rejected-rows`}
            download
            aria-label={t("import.downloadRejected")}
            title={t("import.downloadRejected")}
          >
            <Download aria-hidden className="size-4" />
          </a>
        </Button>
      )}
      {b.status === "done" && b.accepted > 0 && (
        <Button
          type="button"
          variant="secondary"
          className="px-3"
          disabled={busy === b.id}
          onClick={() => void undo(b)}
        >
          <Undo2 aria-hidden className="size-4" />
          {t("import.undo")}
        </Button>
      )}
    </div>
  );
  const source = (b: BatchSummary) => t(`import.source.${b.source as "upload" | "api" | "cli"}`);
  const when = (b: BatchSummary) => format.dateTime(new Date(b.createdAt), { dateStyle: "medium", timeStyle: "short" });

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
        <>
          {/* Below sm each import is a card: the file name wraps between words and every count stays visible. */}
          <ul className="space-y-3 sm:hidden" data-testid="beneficiary-batch-cards">
            {shown.map((b) => (
              <li key={b.id} className="rounded-md border border-slate-200 p-3 text-sm">
                <p className="break-words font-medium text-slate-900">
                  {b.fileName ?? "—"} <span className="text-xs font-normal text-slate-500">({source(b)})</span>
                </p>
                <p className="text-slate-600">
                  {when(b)} · {t(`status.${b.status as "running" | "done" | "checked" | "failed" | "undone"}`)}
                </p>
                <dl className="mt-2 grid grid-cols-3 gap-2 text-center">
                  {(["accepted", "duplicates", "rejected"] as const).map((k) => (
                    <div key={k} className="rounded bg-slate-50 p-1">
                      <dt className="text-xs text-slate-600">{t(`import.counts.${k}`)}</dt>
                      <dd className="font-semibold tabular-nums">{format.number(b[k])}</dd>
                    </div>
                  ))}
                </dl>
                <div className="mt-2">{actions(b)}</div>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table data-testid="beneficiary-batches">
              <thead>
                <tr>
                  <Th>{t("import.batchDate")}</Th>
                  <Th>{t("import.batchFile")}</Th>
                  <Th>{t("import.batchStatus")}</Th>
                  <Th className="text-right">{t("import.counts.accepted")}</Th>
                  <Th className="text-right">{t("import.counts.duplicates")}</Th>
                  <Th className="text-right">{t("import.counts.rejected")}</Th>
                  <Th>
                    <span className="sr-only">{t("import.undo")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {shown.map((b) => (
                  <tr key={b.id}>
                    <Td className="whitespace-nowrap">{when(b)}</Td>
                    <Td className="break-words">
                      {b.fileName ?? "—"} <span className="text-xs text-slate-500">({source(b)})</span>
                    </Td>
                    <Td>{t(`status.${b.status as "running" | "done" | "checked" | "failed" | "undone"}`)}</Td>
                    <Td className="text-right tabular-nums">{format.number(b.accepted)}</Td>
                    <Td className="text-right tabular-nums">{format.number(b.duplicates)}</Td>
                    <Td className="text-right tabular-nums">{format.number(b.rejected)}</Td>
                    <Td>{actions(b)}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </div>
        </>
      )}
    </Card>
  );
}
