"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { setLevelAction } from "@/app/(app)/iga/actions";
import { Button } from "@/components/ui/button";
import { ActionError } from "./action-error";
import { submitWithoutReset } from "./use-submit";

export interface LevelFormProps {
  year: number;
  indicatorCode: string;
  indicatorName: string;
  innovationId: string | null;
  levels: string[];
  level: number | null;
  version: number;
  proposedLevel: number | null;
}

/** The level choice of one indicator: each level with its description, saved with the version read. */
export function LevelForm(props: LevelFormProps) {
  const t = useTranslations("iga.indicator");
  const [state, action, pending] = useActionState(setLevelAction, {});
  const [value, setValue] = useState(props.level === null ? "" : String(props.level));
  const name = `level-${props.indicatorCode}`;
  const options = [
    { value: "", label: t("noLevel") },
    ...props.levels.map((description, i) => ({
      value: String(i + 1),
      label: `${t("level", { level: i + 1 })} — ${description}`,
    })),
  ];
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-2">
      <input type="hidden" name="year" value={props.year} />
      <input type="hidden" name="indicatorCode" value={props.indicatorCode} />
      <input type="hidden" name="innovationId" value={props.innovationId ?? ""} />
      <input type="hidden" name="version" value={props.version} />
      <fieldset>
        <legend className="mb-1 text-sm font-medium text-slate-800">
          {t("levelLegend", { name: props.indicatorName })}
        </legend>
        <div className="space-y-1">
          {options.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 text-sm hover:bg-slate-50"
            >
              <input
                type="radio"
                name="level"
                value={option.value}
                checked={value === option.value}
                onChange={() => setValue(option.value)}
                className="mt-0.5 size-4 accent-brand-700"
                data-testid={`${name}-${option.value || "none"}`}
              />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {props.proposedLevel !== null && String(props.proposedLevel) !== value && (
        <Button
          type="button"
          variant="ghost"
          className="min-h-8 px-2 text-brand-800 underline"
          onClick={() => setValue(String(props.proposedLevel))}
        >
          {t("useProposal")}
        </Button>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? t("saving") : t("saveLevel")}
        </Button>
        {state.ok && state.message && (
          <span role="status" className="text-sm text-emerald-800">
            {state.message}
          </span>
        )}
      </div>
      <ActionError state={state} />
    </form>
  );
}
