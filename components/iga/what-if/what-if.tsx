"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import {
  changeCount,
  EMPTY_SCRATCH,
  REGION,
  type Scratch,
  type WhatIfBase,
  whatIfScore,
} from "@/lib/iga/what-if-score";
import type { Level } from "@/lib/iga/rule-set";
import { ImaginedList } from "./imagined-list";
import { InnovationRows } from "./innovation-rows";
import { LevelSelects } from "./level-selects";
import { signedPoints, WhatIfSummary } from "./what-if-summary";

export interface AffairOption {
  code: string;
  name: string;
}

/**
 * The what-if page's state: a scratch copy of changes over the stored levels, scored in the browser
 * by the same engine as the estimate on every change. Nothing leaves the page.
 */
export function WhatIf({ base, affairs }: { base: WhatIfBase; affairs: AffairOption[] }) {
  const t = useTranslations("whatIf");
  const [scratch, setScratch] = useState<Scratch>(EMPTY_SCRATCH);
  const now = useMemo(() => whatIfScore(base, EMPTY_SCRATCH), [base]);
  const scenario = useMemo(() => whatIfScore(base, scratch), [base, scratch]);
  const changes = changeCount(scratch);
  const format = useFormatter();
  const signed = (x: number) => signedPoints(x, format);

  const setLevel = (key: string, level: Level | null | undefined) =>
    setScratch((s) => {
      const levels = { ...s.levels };
      if (level === undefined) delete levels[key];
      else levels[key] = level;
      return { ...s, levels };
    });
  const setIncluded = (id: string, included: boolean | undefined) =>
    setScratch((s) => {
      const include = { ...s.include };
      if (included === undefined) delete include[id];
      else include[id] = included;
      return { ...s, include };
    });

  return (
    <div className="grid min-w-0 gap-6 pb-16 lg:grid-cols-[minmax(0,1fr)_24rem] lg:pb-0">
      <div className="min-w-0 space-y-6">
        <Card>
          <CardTitle>{t("innovationsTitle", { year: base.year })}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">{t("innovationsHint")}</p>
          <InnovationRows
            base={base}
            scratch={scratch}
            result={scenario}
            setIncluded={setIncluded}
            setLevel={setLevel}
          />
        </Card>
        <Card>
          <CardTitle>{t("imaginedTitle")}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">{t("imaginedHint")}</p>
          <ImaginedList base={base} scratch={scratch} setScratch={setScratch} setLevel={setLevel} affairs={affairs} />
        </Card>
        <Card>
          <details>
            <summary className="cursor-pointer text-lg font-semibold text-slate-900">{t("regionTitle")}</summary>
            <div className="mt-3">
              <LevelSelects
                ruleSet={base.ruleSet}
                scope="region"
                subject={REGION}
                stored={base.region}
                scratch={scratch}
                setLevel={setLevel}
              />
            </div>
          </details>
        </Card>
      </div>
      <div className="min-w-0 lg:sticky lg:top-4 lg:self-start">
        <Card>
          <WhatIfSummary now={now} scenario={scenario} divisorFloor={base.ruleSet.formula.divisorFloor} />
          <Button
            className="mt-4 w-full"
            variant="secondary"
            disabled={changes === 0}
            onClick={() => setScratch(EMPTY_SCRATCH)}
            data-testid="what-if-reset"
          >
            {t("reset", { count: changes })}
          </Button>
        </Card>
      </div>
      {/* On a phone the summary sits below the long list: the figure that moves stays in view here. */}
      <div
        className="fixed inset-x-0 bottom-0 z-20 flex items-center justify-between gap-3 border-t border-slate-200 bg-white px-4 py-2 shadow-lg lg:hidden"
        data-testid="what-if-bar"
      >
        <span className="text-sm text-slate-700">{t("scenario")}</span>
        <span className="font-bold tabular-nums">
          {format.number(scenario.index, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} · {scenario.category}
        </span>
        <span className="text-sm tabular-nums text-slate-700">{signed(scenario.index - now.index)}</span>
      </div>
    </div>
  );
}
