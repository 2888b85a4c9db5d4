"use client";

import { useTranslations } from "next-intl";
import { type Dispatch, type SetStateAction, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Level } from "@/lib/iga/rule-set";
import type { Scratch, WhatIfBase } from "@/lib/iga/what-if-score";
import type { AffairOption } from "./what-if";
import { LevelSelects } from "./level-selects";

/** Made-up innovations: an affair each (what the basic-service rule counts) and levels if wanted. */
export function ImaginedList({
  base,
  scratch,
  setScratch,
  setLevel,
  affairs,
}: {
  base: WhatIfBase;
  scratch: Scratch;
  setScratch: Dispatch<SetStateAction<Scratch>>;
  setLevel: (key: string, level: Level | null | undefined) => void;
  affairs: AffairOption[];
}) {
  const t = useTranslations("whatIf");
  const [affair, setAffair] = useState(affairs[0]?.code ?? "");
  const [serial, setSerial] = useState(1);
  const add = () => {
    const name = t("imaginedName", { n: serial });
    setScratch((s) => ({ ...s, imagined: [...s.imagined, { key: `imagined-${serial}`, name, affair }] }));
    setSerial(serial + 1);
  };
  const remove = (key: string) =>
    setScratch((s) => ({
      ...s,
      imagined: s.imagined.filter((i) => i.key !== key),
      levels: Object.fromEntries(Object.entries(s.levels).filter(([k]) => !k.startsWith(`${key}:`))),
    }));
  const affairName = (code: string) => affairs.find((a) => a.code === code)?.name ?? code;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-2">
        <label className="grid min-w-0 flex-1 gap-1 text-sm">
          <span className="font-medium">{t("affair")}</span>
          <select
            className="min-h-10 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2"
            value={affair}
            onChange={(e) => setAffair(e.target.value)}
            data-testid="what-if-affair"
          >
            {affairs.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <Button variant="secondary" onClick={add} data-testid="what-if-add">
          {t("add")}
        </Button>
      </div>
      {scratch.imagined.map((i) => (
        <details key={i.key} className="rounded-md border border-slate-200 p-3" data-testid="what-if-imagined">
          <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2">
            <span className="font-medium">
              {i.name} · {affairName(i.affair)}
            </span>
            <Button variant="ghost" className="px-2" onClick={() => remove(i.key)}>
              {t("remove")}
            </Button>
          </summary>
          <div className="mt-3">
            <LevelSelects
              ruleSet={base.ruleSet}
              scope="innovation"
              subject={i.key}
              stored={[]}
              scratch={scratch}
              setLevel={setLevel}
            />
          </div>
        </details>
      ))}
    </div>
  );
}
