"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { Level } from "@/lib/iga/rule-set";
import type { IndexResult } from "@/lib/iga/score";
import { isCounted, type Scratch, type WhatIfBase } from "@/lib/iga/what-if-score";
import { LevelSelects } from "./level-selects";

/** The year's entered innovations: counted or not, their score in the what-if, their levels on demand. */
export function InnovationRows({
  base,
  scratch,
  result,
  setIncluded,
  setLevel,
}: {
  base: WhatIfBase;
  scratch: Scratch;
  result: IndexResult;
  setIncluded: (id: string, included: boolean | undefined) => void;
  setLevel: (key: string, level: Level | null | undefined) => void;
}) {
  const t = useTranslations("whatIf");
  const tStatus = useTranslations("igaYears.submission.status");
  const format = useFormatter();
  const [open, setOpen] = useState<string | null>(null);
  if (base.innovations.length === 0) return <p className="text-sm text-slate-700">{t("empty")}</p>;
  const scores = new Map(result.perInnovation.map((p) => [p.id, p]));
  const n = (x: number) => format.number(x, { maximumFractionDigits: 2 });
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-600">
            <th className="py-2 pr-2 font-medium">{t("counted")}</th>
            <th className="py-2 pr-2 font-medium">{t("name")}</th>
            <th className="hidden py-2 pr-2 font-medium sm:table-cell">{t("status")}</th>
            <th className="py-2 pr-2 text-right font-medium">{t("score")}</th>
            <th className="py-2" />
          </tr>
        </thead>
        <tbody>
          {base.innovations.map((i) => {
            const counted = isCounted(base, scratch, i.id);
            const score = scores.get(i.id);
            const id = `inc-${i.id}`;
            return (
              <Fragment key={i.id}>
                <tr className="border-b border-slate-100 align-top" data-testid="what-if-innovation">
                  <td className="py-2 pr-2">
                    <input
                      id={id}
                      type="checkbox"
                      className="size-5"
                      checked={counted}
                      onChange={(e) => setIncluded(i.id, e.target.checked === i.counted ? undefined : e.target.checked)}
                    />
                  </td>
                  <td className="min-w-0 py-2 pr-2">
                    <label htmlFor={id} className="font-medium text-slate-900">
                      {i.name}
                    </label>
                    <div className="text-xs text-slate-600">{i.agencyName}</div>
                  </td>
                  <td className="hidden py-2 pr-2 sm:table-cell">
                    <Badge tone={i.counted ? "success" : "neutral"}>{tStatus(i.status as "draft")}</Badge>
                  </td>
                  <td className="whitespace-nowrap py-2 pr-2 text-right tabular-nums">
                    {score ? t("scoreValue", { score: n(score.score), max: n(score.max) }) : "—"}
                  </td>
                  <td className="py-2 text-right">
                    <Button
                      variant="ghost"
                      className="px-2"
                      aria-expanded={open === i.id}
                      onClick={() => setOpen(open === i.id ? null : i.id)}
                    >
                      {open === i.id ? t("closeLevels") : t("editLevels")}
                    </Button>
                  </td>
                </tr>
                {open === i.id && (
                  <tr>
                    <td colSpan={5} className="bg-slate-50 p-3">
                      <p className="mb-2 text-sm font-medium">{t("levelsOf", { name: i.name })}</p>
                      <LevelSelects
                        ruleSet={base.ruleSet}
                        scope="innovation"
                        subject={i.id}
                        stored={i.assessments}
                        scratch={scratch}
                        setLevel={setLevel}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
