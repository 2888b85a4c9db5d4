import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PeerEditor } from "@/components/trends/peer-editor";
import { PeersTable } from "@/components/trends/peers-table";
import { ResultEditor } from "@/components/trends/result-editor";
import { ResultsTable } from "@/components/trends/results-table";
import { TrendCharts } from "@/components/trends/trend-charts";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/context";
import { pageContext } from "@/lib/auth/request-context";
import { listIgaPeerResults, peerRegionOptions } from "@/lib/trends/iga-peers";
import { listIgaResults } from "@/lib/trends/iga-results";
import { trendEstimate, trendRuleSets } from "@/lib/trends/trend-context";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("trends"))("title") };
}

/** The regency's IGA results over the years, with sources, charts, comparison regions and (admin, Bappeda) editing. */
export default async function TrendsPage() {
  const ctx = await pageContext("iga.read");
  const canWrite = can(ctx, "iga.results.write");
  const [t, results, peers, ruleSets, estimate, options] = await Promise.all([
    getTranslations("trends"),
    listIgaResults({ ctx }),
    listIgaPeerResults({ ctx }),
    trendRuleSets({ ctx }),
    trendEstimate({ ctx }),
    canWrite ? peerRegionOptions({ ctx }) : Promise.resolve([]),
  ]);
  return (
    <div className="min-w-0 space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
          <p className="mt-1 max-w-3xl text-slate-700">{t("intro")}</p>
        </div>
        <Link className="text-sm text-brand-700 underline" href={estimate ? `/iga/${estimate.year}` : "/iga"}>
          {t("igaLink")}
        </Link>
      </div>

      <section aria-labelledby="results-title" className="min-w-0 space-y-3">
        <h2 id="results-title" className="text-xl font-semibold">
          {t("resultsTitle")}
        </h2>
        <ResultsTable results={results} />
      </section>

      <TrendCharts results={results} peers={peers} ruleSets={ruleSets} estimate={estimate} />

      {canWrite && (
        <Card className="min-w-0">
          <CardTitle>{t("edit.title")}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">{t("edit.intro")}</p>
          <ResultEditor results={results} />
        </Card>
      )}

      <section aria-labelledby="peers-title" className="min-w-0 space-y-3">
        <h2 id="peers-title" className="text-xl font-semibold">
          {t("peers.title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("peers.intro")}</p>
        <PeersTable peers={peers} canWrite={canWrite} />
        {canWrite && (
          <Card className="min-w-0">
            <CardTitle>{t("peers.formTitle")}</CardTitle>
            <PeerEditor peers={peers} options={options} />
          </Card>
        )}
      </section>
    </div>
  );
}
