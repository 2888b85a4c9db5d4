"use client";

import { useTranslations } from "next-intl";
import type { Completeness } from "@/lib/innovations/schemas";

/** How far the profile is from what the IGA needs, and which fields are still missing. */
export function CompletenessMeter({ value }: { value: Completeness }) {
  const t = useTranslations("catalogue");
  return (
    <div className="space-y-2" data-testid="completeness">
      <div className="flex items-center justify-between text-sm">
        <span className="font-medium">{t("completeness.title")}</span>
        <span className="tabular-nums">{value.percent}%</span>
      </div>
      <div
        className="h-2 overflow-hidden rounded bg-slate-200"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value.percent}
        aria-label={t("completeness.title")}
      >
        <div
          className={value.complete ? "h-full bg-emerald-600" : "h-full bg-amber-500"}
          style={{ width: `${value.percent}%` }}
        />
      </div>
      {value.complete ? (
        <p className="text-sm text-emerald-800">{t("completeness.ready")}</p>
      ) : (
        <p className="text-sm text-slate-700">
          {t("completeness.missing")}: {value.missing.map((f) => t(`fields.${f}`)).join(", ")}
        </p>
      )}
    </div>
  );
}
