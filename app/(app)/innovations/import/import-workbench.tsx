"use client";

import { FileCheck, Upload } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { SpreadsheetFileField } from "@/components/forms/spreadsheet-file-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import type { ImportReport } from "@/lib/innovations/import/run-import";
import { ImportReportView } from "./import-report";

const MAX_BYTES = 5 * 1024 * 1024;

type Outcome = { report: ImportReport } | { error: string };

/**
 * Sends the file to the JSON API rather than through a server action: server actions accept at
 * most 1 MB by default, the import up to 5 MB. The session cookie authenticates the request.
 */
async function send(file: File, dryRun: boolean, locale: string, networkError: string): Promise<Outcome> {
  const body = new FormData();
  body.set("file", file);
  // Accept-Language set to the UI's language: the browser's own may differ, and the API words
  // both the report and a refused file's error in the language it is asked for.
  const headers = { accept: "application/json", "accept-language": locale };
  try {
    const res = await fetch(`/api/v1/innovations/import${dryRun ? "?dryRun=true" : ""}`, {
      method: "POST",
      body,
      headers,
    });
    const json = await res.json().catch(() => null);
    if (json && Array.isArray(json.rows)) return { report: json as ImportReport };
    return { error: json?.error?.message ?? networkError };
  } catch {
    return { error: networkError };
  }
}

type Phase = "idle" | "checking" | "importing";

export function ImportWorkbench() {
  const t = useTranslations("innovationImport");
  const locale = useLocale();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  // Move focus to the result so keyboard and screen-reader users land on what just happened.
  useEffect(() => {
    if (outcome) resultRef.current?.focus();
  }, [outcome]);

  async function run(dryRun: boolean) {
    if (!file) return setNotice(t("chooseFile"));
    if (file.size > MAX_BYTES) return setNotice(t("fileTooLarge"));
    setNotice(null);
    setPhase(dryRun ? "checking" : "importing");
    setOutcome(await send(file, dryRun, locale, t("networkError")));
    setPhase("idle");
  }

  function onFileChange(next: File | null) {
    setNotice(outcome && "report" in outcome ? t("fileChanged") : null);
    setFile(next);
    setOutcome(null);
  }

  function reset() {
    setFile(null);
    setOutcome(null);
    setNotice(null);
    setFormKey((k) => k + 1); // a new input element is the only way to clear a file input
  }

  const report = outcome && "report" in outcome ? outcome.report : null;
  const done = report && !report.dryRun && report.applied;
  const canImport = report?.dryRun && report.totals.reject === 0 && report.totals.create + report.totals.update > 0;
  const busy = phase !== "idle";

  return (
    <div className="space-y-6">
      <Card>
        <form
          key={formKey}
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void run(true);
          }}
        >
          <SpreadsheetFileField
            id="import-file"
            label={t("file")}
            hint={t("fileHint")}
            required
            onFile={onFileChange}
            disabled={busy}
          />
          <Button type="submit" variant={canImport ? "secondary" : "primary"} disabled={busy || !file}>
            <FileCheck aria-hidden className="size-4" />
            {phase === "checking" ? t("checking") : t("check")}
          </Button>
        </form>
        {notice && (
          <Alert tone="warning" className="mt-4">
            {notice}
          </Alert>
        )}
      </Card>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 outline-none" data-testid="import-result">
        {outcome && "error" in outcome && (
          <Alert tone="error">
            <p className="font-semibold">{t("fileRejected")}</p>
            <p className="mt-1">{outcome.error}</p>
          </Alert>
        )}
        {report && (
          <Card>
            <CardTitle>{report.dryRun ? t("reportTitle") : t("resultTitle")}</CardTitle>
            <Alert tone={done ? "success" : report.totals.reject > 0 ? "error" : "info"} className="mb-4">
              <p>{report.message}</p>
              {report.dryRun && report.totals.reject === 0 && (
                <p className="mt-1">
                  {canImport
                    ? t("readyToImport", { count: report.totals.create + report.totals.update })
                    : t("nothingToImport")}
                </p>
              )}
            </Alert>
            {canImport && (
              <Button type="button" className="mb-4" onClick={() => void run(false)} disabled={busy}>
                <Upload aria-hidden className="size-4" />
                {phase === "importing" ? t("importing") : t("import")}
              </Button>
            )}
            {done && (
              <div className="mb-4 flex flex-wrap gap-3">
                <Button asChild>
                  <Link href="/innovations">{t("openCatalogue")}</Link>
                </Button>
                <Button type="button" variant="secondary" onClick={reset}>
                  {t("importAnother")}
                </Button>
              </div>
            )}
            <ImportReportView key={`${report.fileName}-${report.dryRun}-${report.applied}`} report={report} />
          </Card>
        )}
      </div>
    </div>
  );
}
