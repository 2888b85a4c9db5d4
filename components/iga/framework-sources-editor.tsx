"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { ParameterStatus, RuleSetSource } from "@/lib/iga/rule-set";

/**
 * The framework editor's part for where a year's rules come from: the sources (title, URL or
 * decree number, date) and each parameter's status, so that publishing the decree is an edit.
 */
export function FrameworkSourcesEditor({
  sources,
  parameterStatus,
  onSources,
  onParameterStatus,
}: {
  sources: RuleSetSource[];
  parameterStatus: Record<string, ParameterStatus>;
  onSources: (next: RuleSetSource[]) => void;
  onParameterStatus: (next: Record<string, ParameterStatus>) => void;
}) {
  const t = useTranslations("igaYears.frameworks");
  const setSource = (i: number, patch: Partial<RuleSetSource>) =>
    onSources(sources.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const statuses = Object.entries(parameterStatus);
  const setStatus = (i: number, key: string, value: ParameterStatus) =>
    onParameterStatus(Object.fromEntries(statuses.map(([k, v], j) => (j === i ? [key, value] : [k, v]))));
  return (
    <>
      <fieldset className="min-w-0 space-y-2" data-testid="sources-editor">
        <legend className="text-lg font-semibold">{t("sources")}</legend>
        {sources.map((s, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[2fr_1.5fr_8rem_auto]">
            <Input
              aria-label={`${t("sourceTitle")} ${i + 1}`}
              value={s.title}
              onChange={(e) => setSource(i, { title: e.target.value })}
            />
            <Input
              aria-label={`${t("sourceReference")} ${i + 1}`}
              value={s.reference}
              onChange={(e) => setSource(i, { reference: e.target.value })}
            />
            <Input
              aria-label={`${t("sourceDate")} ${i + 1}`}
              value={s.date}
              placeholder="2026-04-29"
              onChange={(e) => setSource(i, { date: e.target.value })}
            />
            <Button
              type="button"
              variant="ghost"
              className="min-h-8 px-2 text-red-800"
              onClick={() => onSources(sources.filter((_, j) => j !== i))}
            >
              {t("removeSource", { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() => onSources([...sources, { title: "", reference: "", date: "" }])}
        >
          {t("addSource")}
        </Button>
      </fieldset>
      <fieldset className="min-w-0 space-y-2" data-testid="status-editor">
        <legend className="text-lg font-semibold">{t("parameterStatusTitle")}</legend>
        {statuses.map(([key, value], i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[14rem_9rem_1fr_auto]">
            <Input
              aria-label={`${t("parameter")} ${i + 1}`}
              value={key}
              onChange={(e) => setStatus(i, e.target.value, value)}
            />
            <Select
              aria-label={`${t("status")} ${key}`}
              value={value.status}
              onChange={(e) => setStatus(i, key, { ...value, status: e.target.value as ParameterStatus["status"] })}
            >
              <option value="official">{t("official")}</option>
              <option value="assumed">{t("assumed")}</option>
            </Select>
            <Input
              aria-label={`${t("note")} ${key}`}
              value={value.note}
              onChange={(e) => setStatus(i, key, { ...value, note: e.target.value })}
            />
            <Button
              type="button"
              variant="ghost"
              className="min-h-8 px-2 text-red-800"
              onClick={() => onParameterStatus(Object.fromEntries(statuses.filter((_, j) => j !== i)))}
            >
              {t("removeStatus", { key })}
            </Button>
          </div>
        ))}
        <Button
          type="button"
          variant="secondary"
          onClick={() =>
            onParameterStatus({
              ...parameterStatus,
              [`parameter${statuses.length + 1}`]: { status: "assumed", note: "" },
            })
          }
        >
          {t("addStatus")}
        </Button>
      </fieldset>
    </>
  );
}
