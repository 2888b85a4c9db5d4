import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { pathYear } from "@/app/api/v1/iga/request";
import { IndicatorList, OpenComments } from "@/components/iga/indicator-list";
import { Alert } from "@/components/ui/alert";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { subjectView } from "@/lib/iga/assessment-view";
import { evidenceMaxBytes } from "@/lib/iga/evidence";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  return { title: (await getTranslations("iga"))("regionTitle", { year: (await params).year }) };
}

/** The region-wide (SPD) indicators of a year: level, evidence and review, as on an innovation's tab. */
export default async function IgaRegionPage({ params }: { params: Promise<{ year: string }> }) {
  const ctx = await pageContext("iga.read");
  const [{ year: raw }, t, format] = await Promise.all([params, getTranslations("iga"), getFormatter()]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const view = await subjectView({ ctx, innovationId: null, year });
  if (!view || view.year !== year) notFound();
  const n = (x: number) => format.number(x, { maximumFractionDigits: 2 });
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link href={`/iga/${year}`} className="text-brand-700 underline">
          {t("backToIndex", { year })}
        </Link>
      </nav>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("regionTitle", { year })}</h1>
        <p className="text-lg font-semibold" data-testid="region-score">
          {t("ofMax", { value: n(view.score), max: n(view.max) })}
        </p>
      </div>
      <p className="max-w-3xl text-slate-700">{t("regionIntro")}</p>
      {!view.frameworkActive && <Alert tone="warning">{t("draftNote")}</Alert>}
      <OpenComments view={view} />
      <IndicatorList view={view} innovationId={null} maxBytes={evidenceMaxBytes()} />
    </div>
  );
}
