import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/locales";
import type { ImportReport } from "@/lib/beneficiaries/import/report";

/** A strict import that wrote nothing: the full report, with the error, as 422. */
export async function strictFailure(report: ImportReport, locale: Locale) {
  const t = await getTranslations({ locale });
  return NextResponse.json(
    { ...report, error: { code: "records_rejected_strict", message: t("errors.records_rejected_strict", { rejected: report.rejected }) } },
    { status: 422 },
  );
}
