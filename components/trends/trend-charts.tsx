import { getFormatter, getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/impact/chart-card";
import { CHART_COLORS } from "@/components/impact/colors";
import type { IgaPeerResult } from "@/lib/trends/iga-peers";
import type { IgaResult } from "@/lib/trends/iga-results";
import { bandsPerYear, indexRows, peerKey, rankRows, yearSpan, type YearRules } from "@/lib/trends/series";
import type { TrendEstimate } from "@/lib/trends/trend-context";
import { BAND_COLORS, PEER_COLORS } from "./colors";
import { IndexChart } from "./index-chart";
import { RankChart, type RankSeries } from "./rank-chart";

/** The rank chart (with peers) and the index chart (with bands and the estimate), each with its table and CSV. */
export async function TrendCharts({
  results,
  peers,
  ruleSets,
  estimate,
}: {
  results: IgaResult[];
  peers: IgaPeerResult[];
  ruleSets: YearRules[];
  estimate: TrendEstimate | null;
}) {
  const [t, format] = await Promise.all([getTranslations("trends"), getFormatter()]);
  const empty = t("empty");
  const n = (v: number | null | undefined, digits = 0) =>
    v === null || v === undefined ? empty : format.number(v, { maximumFractionDigits: digits });
  const raw = (v: number | null | undefined) => (v === null || v === undefined ? "" : v);

  const peerNames = new Map(peers.map((p) => [p.peerCode, p.peerName]));
  const ranks = rankRows(results, peers);
  const series: RankSeries[] = [
    { key: "national", label: t("national"), color: CHART_COLORS.primary },
    { key: "province", label: t("province"), color: CHART_COLORS.secondary },
    ...[...peerNames].map(([code, name], i) => ({
      key: peerKey(code),
      label: name,
      color: PEER_COLORS[i % PEER_COLORS.length],
      dashed: true,
    })),
  ];
  const rankColumns = [t("col.year"), ...series.map((s) => s.label)];

  const index = indexRows(results, estimate);
  // Every year of the span gets its bands, also one without a result row (e.g. 2025 before the 2026 estimate).
  const bands = bandsPerYear(ruleSets, yearSpan(index.map((r) => r.year)));
  const borrowed = bands.filter((b) => b.fromYear !== b.year);
  const bandText = (year: number) =>
    bands
      .find((b) => b.year === year)
      ?.bands.map((b) => `${b.name} ${n(b.min, 2)}–${n(b.max, 2)}`)
      .join("; ") ?? empty;
  const ruleYear = (year: number) => bands.find((b) => b.year === year)?.fromYear ?? "";
  const legendBands = bands.at(-1)?.bands ?? [];
  const projectionLabel = estimate ? t("projection", { year: estimate.year }) : t("col.estimate");
  const indexColumns = [t("col.year"), t("indexSeries"), t("col.estimate"), t("col.rulesOf"), t("col.band")];

  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <ChartCard
        title={t("rankChart")}
        note={t("rankNote")}
        tableLabel={t("showTable")}
        columns={rankColumns}
        rows={ranks.map((r) => [String(r.year), ...series.map((s) => n(r[s.key]))])}
        csv={{
          label: t("csv"),
          fileName: "tren-peringkat-iga.csv",
          rows: ranks.map((r) => [String(r.year), ...series.map((s) => raw(r[s.key]))]),
        }}
        testId="chart-rank"
      >
        <RankChart
          data={ranks}
          series={series}
          label={t("rankChart")}
          rankAxis={t("rankAxis")}
          yearAxis={t("yearAxis")}
        />
      </ChartCard>
      <ChartCard
        title={t("indexChart")}
        note={estimate ? t("indexNote", { year: estimate.year }) : t("noEstimate")}
        tableLabel={t("showTable")}
        columns={indexColumns}
        rows={index.map((r) => [
          String(r.year),
          n(r.index, 2),
          r.year === estimate?.year ? n(estimate.index, 2) : empty,
          String(ruleYear(r.year)),
          bandText(r.year),
        ])}
        csv={{
          label: t("csv"),
          fileName: "tren-indeks-iga.csv",
          rows: index.map((r) => [
            String(r.year),
            raw(r.index),
            r.year === estimate?.year ? estimate.index : "",
            String(ruleYear(r.year)),
            bandText(r.year),
          ]),
        }}
        testId="chart-index"
      >
        <IndexChart
          data={index}
          bands={bands}
          label={t("indexChart")}
          indexAxis={t("indexAxis")}
          yearAxis={t("yearAxis")}
          indexLabel={t("indexSeries")}
          projectionLabel={projectionLabel}
        />
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("col.band")}>
          {legendBands.map((b, i) => (
            <li key={b.name} className="flex items-center gap-1">
              <span
                aria-hidden
                className="inline-block size-3.5 rounded-sm border border-slate-500"
                style={{ background: BAND_COLORS[i % BAND_COLORS.length] }}
              />
              {b.name}
            </li>
          ))}
        </ul>
        {borrowed.length > 0 && (
          <p className="mt-1 text-xs text-slate-600" data-testid="nearest-rules">
            {t("nearestRules", {
              years: borrowed.map((b) => b.year).join(", "),
              from: [...new Set(borrowed.map((b) => b.fromYear))].join(", "),
            })}
          </p>
        )}
        {results.every((r) => r.index === null) && (
          <p className="mt-1 text-xs text-slate-600">{t("noIndexPublished")}</p>
        )}
      </ChartCard>
    </div>
  );
}
