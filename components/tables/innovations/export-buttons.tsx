"use client";

import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { EXPORT_CAP, EXPORT_FORMATS } from "@/lib/innovations/list-params";
import { exportHref, type ViewParams } from "./view-state";

/** "Export this view": the same filters and sort as the table, every page of it, as a file. */
export function ExportButtons({ view }: { view: ViewParams }) {
  const t = useTranslations("innovationList.export");
  return (
    <div
      role="group"
      aria-label={t("label")}
      aria-describedby="export-hint"
      className="flex flex-wrap items-center gap-2"
    >
      {EXPORT_FORMATS.map((format) => (
        <a
          key={format}
          href={exportHref(view, format)}
          download
          className="inline-flex min-h-10 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          <Download aria-hidden className="size-4" />
          {t(format)}
        </a>
      ))}
      <span id="export-hint" className="sr-only">
        {t("hint", { max: EXPORT_CAP })}
      </span>
    </div>
  );
}
