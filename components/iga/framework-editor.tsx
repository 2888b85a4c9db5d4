"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { updateFrameworkAction } from "@/app/(app)/iga/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { Category, Formula, Indicator, ParameterStatus, RuleSetSource } from "@/lib/iga/rule-set";
import { ActionError } from "./action-error";
import { FrameworkSourcesEditor } from "./framework-sources-editor";
import { submitWithoutReset } from "./use-submit";

export interface EditableRuleSet {
  year: number;
  version: number;
  name: string;
  indicators: Indicator[];
  categories: Category[];
  formula: Formula;
  sources: RuleSetSource[];
  parameterStatus: Record<string, ParameterStatus>;
}

const cell = "border-b border-slate-100 px-2 py-1 align-top";
const num = (value: string) => (value.trim() === "" ? Number.NaN : Number(value));

/**
 * Edits one year's rule set as a whole: indicators (weight, levels, evidence, scope, mandatory),
 * categories and formula constants. Sent as one JSON value and validated together on the server,
 * so a half-consistent rule set (weights that no longer add up) is refused with the reason.
 */
export function FrameworkEditor({ initial }: { initial: EditableRuleSet }) {
  const t = useTranslations("iga.frameworks");
  const tYears = useTranslations("igaYears.frameworks");
  const [state, action, pending] = useActionState(updateFrameworkAction, {});
  const [draft, setDraft] = useState(initial);
  const setIndicator = (i: number, patch: Partial<Indicator>) =>
    setDraft((d) => ({ ...d, indicators: d.indicators.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const setCategory = (i: number, patch: Partial<Category>) =>
    setDraft((d) => ({ ...d, categories: d.categories.map((x, j) => (j === i ? { ...x, ...patch } : x)) }));
  const setFormula = (patch: Partial<Formula>) => setDraft((d) => ({ ...d, formula: { ...d.formula, ...patch } }));
  const max = (scope: string) =>
    draft.indicators.filter((i) => i.scope === scope).reduce((s, i) => s + (Number(i.weight) || 0) * 3, 0);
  const countMax = draft.formula.countCap * draft.formula.countFactor;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const addIndicator = () =>
    setDraft((d) => ({
      ...d,
      indicators: [
        ...d.indicators,
        { code: "", name: "", scope: "innovation", weight: 1, levels: ["", "", ""], evidence: "", mandatory: false },
      ],
    }));
  const payload = JSON.stringify({ ...draft, version: initial.version });
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-6" data-testid="framework-editor">
      <input type="hidden" name="ruleSet" value={payload} />
      <div className="max-w-xl">
        <label htmlFor="fw-name" className="mb-1 block text-sm font-medium">
          {t("name")}
        </label>
        <Input id="fw-name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </div>

      <fieldset className="min-w-0 space-y-2">
        <legend className="text-lg font-semibold">{t("formula")}</legend>
        <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {(["maxTotal", "divisorFloor", "countFactor", "countCap"] as const).map((key) => (
            <div key={key}>
              <label htmlFor={`fw-${key}`} className="mb-1 block text-sm font-medium">
                {t(key)}
              </label>
              <Input
                id={`fw-${key}`}
                type="number"
                step="any"
                value={Number.isNaN(draft.formula[key]) ? "" : draft.formula[key]}
                onChange={(e) => setFormula({ [key]: num(e.target.value) })}
              />
            </div>
          ))}
          {(["eligibleYearsBack", "maxAssessmentYears"] as const).map((key) => (
            <div key={key}>
              <label htmlFor={`fw-${key}`} className="mb-1 block text-sm font-medium">
                {tYears(key)}
              </label>
              <Input
                id={`fw-${key}`}
                type="number"
                min={0}
                value={draft.formula[key] ?? ""}
                onChange={(e) =>
                  setFormula({
                    [key]: e.target.value === "" && key === "maxAssessmentYears" ? null : num(e.target.value),
                  })
                }
              />
            </div>
          ))}
          <div className="sm:col-span-2">
            <label htmlFor="fw-basicAffairs" className="mb-1 block text-sm font-medium">
              {tYears("basicServiceAffairs")}
            </label>
            <Input
              id="fw-basicAffairs"
              value={draft.formula.basicServiceAffairs.join(", ")}
              onChange={(e) =>
                setFormula({
                  basicServiceAffairs: e.target.value
                    .split(",")
                    .map((x) => x.trim())
                    .filter(Boolean),
                })
              }
            />
          </div>
          <div>
            <label htmlFor="fw-minBasic" className="mb-1 block text-sm font-medium">
              {t("minBasicServiceAffairs")}
            </label>
            <Input
              id="fw-minBasic"
              type="number"
              min={0}
              value={draft.formula.minBasicServiceAffairs ?? ""}
              onChange={(e) =>
                setFormula({ minBasicServiceAffairs: e.target.value === "" ? null : num(e.target.value) })
              }
            />
          </div>
        </div>
        <p className="text-sm text-slate-700" data-testid="max-check">
          {t("maxCheck", {
            region: round(max("region")),
            innovation: round(max("innovation")),
            count: round(countMax),
            sum: round(max("region") + max("innovation") + countMax),
          })}
        </p>
      </fieldset>

      <fieldset className="min-w-0 space-y-2">
        <legend className="text-lg font-semibold">{t("categories")}</legend>
        {draft.categories.map((c, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 sm:grid-cols-[2fr_1fr_1fr]">
            <Input
              aria-label={`${t("categoryName")} ${i + 1}`}
              value={c.name}
              onChange={(e) => setCategory(i, { name: e.target.value })}
            />
            <Input
              aria-label={`${t("min")} ${c.name}`}
              type="number"
              step="0.01"
              value={Number.isNaN(c.min) ? "" : c.min}
              onChange={(e) => setCategory(i, { min: num(e.target.value) })}
            />
            <Input
              aria-label={`${t("max")} ${c.name}`}
              type="number"
              step="0.01"
              value={Number.isNaN(c.max) ? "" : c.max}
              onChange={(e) => setCategory(i, { max: num(e.target.value) })}
            />
          </div>
        ))}
      </fieldset>

      <fieldset className="min-w-0 space-y-2">
        <legend className="text-lg font-semibold">{t("indicatorsTitle")}</legend>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[72rem] border-collapse text-left text-sm">
            <thead className="bg-slate-50">
              <tr>
                {[
                  t("code"),
                  t("name"),
                  t("scope"),
                  t("weight"),
                  t("levelN", { n: 1 }),
                  t("levelN", { n: 2 }),
                  t("levelN", { n: 3 }),
                  t("evidence"),
                  t("mandatory"),
                  "",
                ].map((h, i) => (
                  <th key={i} scope="col" className="border-b border-slate-200 px-2 py-2 font-semibold">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {draft.indicators.map((ind, i) => (
                <tr key={i}>
                  <td className={cell}>
                    <Input
                      aria-label={`${t("code")} ${i + 1}`}
                      className="w-24"
                      value={ind.code}
                      onChange={(e) => setIndicator(i, { code: e.target.value })}
                    />
                  </td>
                  <td className={cell}>
                    <Input
                      aria-label={`${t("name")} ${ind.code}`}
                      className="w-56"
                      value={ind.name}
                      onChange={(e) => setIndicator(i, { name: e.target.value })}
                    />
                  </td>
                  <td className={cell}>
                    <Select
                      aria-label={`${t("scope")} ${ind.code}`}
                      value={ind.scope}
                      onChange={(e) => setIndicator(i, { scope: e.target.value as Indicator["scope"] })}
                    >
                      <option value="region">{t("scopeRegion")}</option>
                      <option value="innovation">{t("scopeInnovation")}</option>
                    </Select>
                  </td>
                  <td className={cell}>
                    <Input
                      aria-label={`${t("weight")} ${ind.code}`}
                      className="w-20"
                      type="number"
                      step="any"
                      min={0}
                      value={Number.isNaN(ind.weight) ? "" : ind.weight}
                      onChange={(e) => setIndicator(i, { weight: num(e.target.value) })}
                    />
                  </td>
                  {[0, 1, 2].map((l) => (
                    <td key={l} className={cell}>
                      <Input
                        aria-label={`${t("levelN", { n: l + 1 })} ${ind.code}`}
                        className="w-40"
                        value={ind.levels[l] ?? ""}
                        onChange={(e) =>
                          setIndicator(i, { levels: ind.levels.map((x, k) => (k === l ? e.target.value : x)) })
                        }
                      />
                    </td>
                  ))}
                  <td className={cell}>
                    <Input
                      aria-label={`${t("evidence")} ${ind.code}`}
                      className="w-56"
                      value={ind.evidence}
                      onChange={(e) => setIndicator(i, { evidence: e.target.value })}
                    />
                  </td>
                  <td className={cell}>
                    <input
                      aria-label={`${t("mandatory")} ${ind.code}`}
                      type="checkbox"
                      className="size-4 accent-brand-700"
                      checked={ind.mandatory}
                      onChange={(e) => setIndicator(i, { mandatory: e.target.checked })}
                    />
                  </td>
                  <td className={cell}>
                    <Button
                      type="button"
                      variant="ghost"
                      className="min-h-8 px-2 text-red-800"
                      onClick={() => setDraft((d) => ({ ...d, indicators: d.indicators.filter((_, j) => j !== i) }))}
                    >
                      {t("remove", { code: ind.code || i + 1 })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Button type="button" variant="secondary" onClick={addIndicator}>
          {t("addIndicator")}
        </Button>
      </fieldset>

      <FrameworkSourcesEditor
        sources={draft.sources}
        parameterStatus={draft.parameterStatus}
        onSources={(sources) => setDraft((d) => ({ ...d, sources }))}
        onParameterStatus={(parameterStatus) => setDraft((d) => ({ ...d, parameterStatus }))}
      />

      <ActionError state={state} showField />
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <Button type="submit" disabled={pending}>
        {t("save")}
      </Button>
    </form>
  );
}
