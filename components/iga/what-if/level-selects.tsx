"use client";

import { useTranslations } from "next-intl";
import { levelKey, type Scratch } from "@/lib/iga/what-if-score";
import type { IndicatorAssessment } from "@/lib/iga/score";
import type { Level, RuleSet } from "@/lib/iga/rule-set";

/**
 * One select per indicator of a scope for one subject (an innovation, a made-up one or the region):
 * the stored level preselected (shown as none when its evidence does not count), a changed one marked.
 */
export function LevelSelects({
  ruleSet,
  scope,
  subject,
  stored,
  scratch,
  setLevel,
}: {
  ruleSet: RuleSet;
  scope: "region" | "innovation";
  subject: string;
  stored: readonly IndicatorAssessment[];
  scratch: Scratch;
  setLevel: (key: string, level: Level | null | undefined) => void;
}) {
  const t = useTranslations("whatIf");
  const byCode = new Map(stored.map((a) => [a.code, a]));
  return (
    <ul className="space-y-2">
      {ruleSet.indicators
        .filter((i) => i.scope === scope)
        .map((indicator) => {
          const key = levelKey(subject, indicator.code);
          const a = byCode.get(indicator.code);
          const storedLevel = a?.level && a.hasEvidence ? a.level : null;
          const changed = key in scratch.levels;
          const value = changed ? scratch.levels[key] : storedLevel;
          const id = `lvl-${subject}-${indicator.code}`;
          return (
            <li key={indicator.code} className="grid gap-1 sm:grid-cols-[minmax(0,1fr)_16rem] sm:items-center">
              <label htmlFor={id} className="min-w-0 text-sm text-slate-800">
                <span className="font-mono text-xs text-slate-500">{indicator.code}</span> {indicator.name}
                {changed && (
                  <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-900">{t("changed")}</span>
                )}
              </label>
              <select
                id={id}
                className="min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 text-sm"
                value={value === null ? "" : String(value)}
                onChange={(e) => {
                  const next = e.target.value === "" ? null : (Number(e.target.value) as Level);
                  setLevel(key, next === storedLevel ? undefined : next);
                }}
              >
                <option value="">{t("noLevel")}</option>
                {indicator.levels.map((text, n) => (
                  <option key={n} value={n + 1}>
                    {t("levelOption", { level: n + 1, text: text.length > 60 ? `${text.slice(0, 57)}…` : text })}
                  </option>
                ))}
              </select>
            </li>
          );
        })}
    </ul>
  );
}
