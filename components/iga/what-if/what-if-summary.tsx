"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { IndexResult } from "@/lib/iga/score";
import { cn } from "@/lib/cn";

/** A difference in index points, with its sign and the index's two decimals ("±0" when it rounds away). */
export function signedPoints(x: number, format: ReturnType<typeof useFormatter>): string {
  if (Math.abs(x) < 0.005) return "±0";
  return `${x > 0 ? "+" : "−"}${format.number(Math.abs(x), { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Now beside the what-if: index, category and the parts that make them, with the difference. */
export function WhatIfSummary({
  now,
  scenario,
  divisorFloor,
}: {
  now: IndexResult;
  scenario: IndexResult;
  divisorFloor: number;
}) {
  const t = useTranslations("whatIf");
  const format = useFormatter();
  const n = (x: number) => format.number(x, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const signed = (x: number) => signedPoints(x, format);
  const gate = (r: IndexResult) =>
    r.basicServiceAffairs.required === null
      ? t("gateNone")
      : t("gateValue", { covered: r.basicServiceAffairs.covered.length, required: r.basicServiceAffairs.required });
  const delta = scenario.index - now.index;
  const rows: [string, string, string, string?][] = [
    [t("spd"), n(now.spd), n(scenario.spd), signed(scenario.spd - now.spd)],
    [t("sid"), n(now.sid), n(scenario.sid), signed(scenario.sid - now.sid)],
    [
      t("count"),
      n(now.innovationCountScore),
      n(scenario.innovationCountScore),
      signed(scenario.innovationCountScore - now.innovationCountScore),
    ],
    [t("n"), format.number(now.innovations), format.number(scenario.innovations)],
    [`${t("divisor")}: max(${divisorFloor}, n)`, format.number(now.divisor), format.number(scenario.divisor)],
    [t("gate"), gate(now), gate(scenario)],
  ];
  return (
    <div className="space-y-4" aria-live="polite">
      <div className="grid grid-cols-2 gap-3 text-center">
        <div className="rounded-md bg-slate-50 p-3">
          <div className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("now")}</div>
          <div className="text-2xl font-bold tabular-nums" data-testid="what-if-now">
            {n(now.index)}
          </div>
          <div className="text-sm text-slate-700">{now.category}</div>
        </div>
        <div
          className={cn(
            "rounded-md p-3",
            delta > 0.004 ? "bg-emerald-50" : delta < -0.004 ? "bg-red-50" : "bg-brand-50",
          )}
        >
          <div className="text-xs font-medium uppercase tracking-wide text-slate-600">{t("scenario")}</div>
          <div className="text-2xl font-bold tabular-nums" data-testid="what-if-index">
            {n(scenario.index)}
          </div>
          <div className="text-sm text-slate-700" data-testid="what-if-category">
            {scenario.category}
          </div>
        </div>
      </div>
      <p className="text-center text-sm font-medium tabular-nums" data-testid="what-if-delta">
        {t("delta")}: {signed(delta)}
      </p>
      <table className="w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th />
            <th>{t("now")}</th>
            <th>{t("scenario")}</th>
            <th>{t("delta")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, a, b, d]) => (
            <tr key={label} className="border-t border-slate-100 align-top">
              <th scope="row" className="py-1 pr-2 text-left font-normal text-slate-700">
                {label}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums text-slate-600">{a}</td>
              <td className="py-1 pr-2 text-right font-medium tabular-nums">{b}</td>
              <td className="py-1 text-right tabular-nums text-slate-600">{d ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
