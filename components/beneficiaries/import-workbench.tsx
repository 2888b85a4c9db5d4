"use client";

import { FileCheck, Upload } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { SpreadsheetFileField } from "@/components/forms/spreadsheet-file-field";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { BatchSummary } from "@/lib/beneficiaries/batches";
import { runningBatch } from "@/lib/beneficiaries/batches-running";
import { RECORD_COLUMNS, REQUIRED_COLUMNS, type RecordColumn } from "@/lib/beneficiaries/import/columns";
import { BeneficiaryBatchList } from "./batch-list";
import { getJson } from "@/lib/http/get-json";
import { BeneficiaryImportReport } from "./import-report";

type Mapping = Partial<Record<RecordColumn, string>>;
const POLL_MS = 1000;

/**
 * Upload → dry-run report → confirm → result. Each step runs as a server-side job recorded as an
 * import batch; this component only polls the batch, so a reload resumes at the running batch.
 */
/** `guide`: what this innovation's import needs beyond the columns (the meaning of `nilai`, the template). */
export function BeneficiaryImportWorkbench({
  innovationId,
  initialBatches,
  guide,
}: {
  innovationId: string;
  initialBatches: BatchSummary[];
  guide?: React.ReactNode;
}) {
  const t = useTranslations("beneficiaries");
  const tErrors = useTranslations("errors");
  const locale = useLocale();
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  // The batch shown: after a reload, the one still running.
  const [current, setCurrent] = useState<BatchSummary | null>(
    () => initialBatches.find((b) => b.status === "running") ?? null,
  );
  const [mapping, setMapping] = useState<Mapping>({});
  const [mode, setMode] = useState<"default" | "strict">("default");
  const [notice, setNotice] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  const running = current?.status === "running";

  // The server renders the tab again: the batch list and the impact figures change with every import.
  const refreshList = useCallback(async () => router.refresh(), [router]);

  // Polls the running batch until it finishes.
  useEffect(() => {
    if (!current || current.status !== "running") return;
    const timer = setTimeout(async () => {
      const { body } = await getJson<BatchSummary>(`/api/v1/import-batches/${current.id}`, {
        headers: { "accept-language": locale },
      });
      if (body && "id" in body) {
        setCurrent(body);
        if (body.status !== "running") {
          resultRef.current?.focus();
          if (!body.dryRun) void refreshList();
        }
      } else setCurrent({ ...current }); // try again
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [current, locale, refreshList]);

  async function start(dryRun: boolean, columns: Mapping = mapping) {
    if (!file) return setNotice(current && !current.dryRun ? null : t("import.chooseFile"));
    setNotice(null);
    const query = new URLSearchParams({ fileName: file.name, locale });
    if (dryRun) query.set("dryRun", "true");
    if (!dryRun && mode === "strict") query.set("mode", "strict");
    if (Object.values(columns).some(Boolean)) query.set("columns", JSON.stringify(columns));
    const { body, error } = await getJson<{ batchId: string }>(
      `/api/v1/innovations/${innovationId}/beneficiaries/jobs?${query}`,
      {
        method: "POST",
        body: file,
        headers: { "content-type": file.type || "text/csv", "accept-language": locale, accept: "application/json" },
      },
    );
    if (!body?.batchId) return setNotice(error ?? t("import.networkError"));
    setCurrent(
      runningBatch(
        {
          id: body.batchId,
          innovationId,
          fileName: file.name,
          mode: dryRun ? "default" : mode,
          dryRun,
          createdAt: new Date().toISOString(),
        },
        { rows: 0, fraction: 0 },
      ),
    );
  }

  function onFileChange(next: File | null) {
    setFile(next);
    setMapping({});
    setCurrent(null);
    setNotice(null);
  }

  function reset() {
    onFileChange(null);
    setFormKey((k) => k + 1);
  }

  // The file's headers, when required columns were missing and the user maps them by hand.
  const mappingHeaders =
    current?.status === "failed" && current.errorCode === "records_missing_columns" ? current.headers : null;
  const checked = current?.status === "checked" ? current : null;
  const finished =
    current && !current.dryRun && ["done", "failed"].includes(current.status) && current.report ? current : null;
  const fraction = current?.progress?.fraction ?? null;

  return (
    <div className="space-y-6">
      <Card>
        <CardTitle>{t("import.title")}</CardTitle>
        <p className="max-w-3xl text-sm text-slate-700">{t("import.intro")}</p>
        {guide && <div className="mb-4 mt-1 max-w-3xl space-y-2 text-sm text-slate-700">{guide}</div>}
        <form
          key={formKey}
          className="flex flex-wrap items-end gap-4"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void start(true);
          }}
        >
          <SpreadsheetFileField
            id="beneficiary-file"
            label={t("import.file")}
            hint={t("import.fileHint")}
            onFile={onFileChange}
            disabled={running}
          />
          <Button type="submit" variant={checked ? "secondary" : "primary"} disabled={running || !file}>
            <FileCheck aria-hidden className="size-4" />
            {running && current?.dryRun ? t("import.checking") : t("import.check")}
          </Button>
        </form>
        {notice && (
          <Alert tone="warning" className="mt-4">
            {notice}
          </Alert>
        )}
      </Card>

      <div ref={resultRef} tabIndex={-1} className="space-y-4 outline-none" data-testid="beneficiary-import-result">
        {running && (
          <Card>
            <p className="mb-2 text-sm font-medium text-slate-900">
              {current.dryRun ? t("import.checking") : t("import.importing")}
            </p>
            <progress
              className="h-3 w-full accent-brand-700"
              aria-label={t("import.progressLabel")}
              max={1}
              value={fraction ?? undefined}
            />
            <p className="mt-2 text-sm text-slate-600" aria-live="polite">
              {t("import.progress", { rows: current.progress?.rows ?? current.rows })} · {t("import.runningNote")}
            </p>
          </Card>
        )}

        {current?.status === "failed" && !current.report && !mappingHeaders && (
          <Alert tone="error">
            <p className="font-semibold">{t("import.failedTitle")}</p>
            <p className="mt-1">
              {current.failureMessage ??
                (current.errorCode === "interrupted" ? tErrors("interrupted") : t("import.failedRetry"))}
            </p>
          </Alert>
        )}

        {mappingHeaders && (
          <Card>
            <CardTitle>{t("import.mappingTitle")}</CardTitle>
            <p className="mb-4 text-sm text-slate-700">{t("import.mappingIntro")}</p>
            <form
              className="grid gap-4 sm:grid-cols-2"
              onSubmit={(e) => {
                e.preventDefault();
                void start(true);
              }}
            >
              {RECORD_COLUMNS.map((column) => (
                <Field
                  key={column}
                  id={`map-${column}`}
                  label={`${t(`columns.${column}`)}${REQUIRED_COLUMNS.includes(column) ? ` (${t("import.mappingRequired")})` : ""}`}
                >
                  <Select
                    id={`map-${column}`}
                    value={mapping[column] ?? ""}
                    required={REQUIRED_COLUMNS.includes(column)}
                    onChange={(e) => setMapping((m) => ({ ...m, [column]: e.target.value || undefined }))}
                  >
                    <option value="">{t("import.mappingNone")}</option>
                    {mappingHeaders.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
              <div className="sm:col-span-2">
                <Button type="submit">{t("import.mappingApply")}</Button>
              </div>
            </form>
          </Card>
        )}

        {checked && (
          <Card>
            <CardTitle>{t("import.reportTitle")}</CardTitle>
            <BeneficiaryImportReport key={checked.id} batch={checked} />
            <fieldset className="mt-6 space-y-2">
              <legend className="text-sm font-medium text-slate-900">{t("import.mode")}</legend>
              {(["default", "strict"] as const).map((m) => (
                <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
                  <input type="radio" name="import-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                  {m === "default" ? t("import.modeDefault") : t("import.modeStrict")}
                </label>
              ))}
            </fieldset>
            {checked.accepted > 0 ? (
              <Button type="button" className="mt-4" onClick={() => void start(false)} disabled={!file}>
                <Upload aria-hidden className="size-4" />
                {t("import.confirm")}
              </Button>
            ) : (
              <p className="mt-4 text-sm text-slate-700">{t("import.nothingToImport")}</p>
            )}
            {!file && checked.accepted > 0 && <p className="mt-2 text-sm text-amber-800">{t("import.chooseAgain")}</p>}
          </Card>
        )}

        {finished && (
          <Card>
            <CardTitle>
              {finished.status === "failed" ? t("import.strictFailedTitle") : t("import.resultTitle")}
            </CardTitle>
            {finished.status === "failed" && finished.failureMessage && (
              <Alert tone="error" className="mb-4">
                {finished.failureMessage}
              </Alert>
            )}
            <BeneficiaryImportReport key={finished.id} batch={finished} />
            <Button type="button" variant="secondary" className="mt-4" onClick={reset}>
              {t("import.another")}
            </Button>
          </Card>
        )}
      </div>

      <BeneficiaryBatchList batches={initialBatches} onChanged={refreshList} />
    </div>
  );
}
