import { NextResponse } from "next/server";
import type { Locale } from "@/i18n/locales";
import type { ImportReport } from "@/lib/beneficiaries/import/report";
import { translator } from "@/lib/i18n/translator";

/** A strict import that wrote nothing: the full report, with the error, as 422. */
export function strictFailure(report: ImportReport, locale: Locale) {
  const t = translator(locale);
  return NextResponse.json(
    {
      ...report,
      error: {
        code: "records_rejected_strict",
        message: t("errors.records_rejected_strict", { rejected: report.rejected }),
      },
    },
    { status: 422 },
  );
}
