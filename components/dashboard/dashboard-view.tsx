import { getFormatter, getTranslations } from "next-intl/server";
import { ChartCard } from "@/components/impact/chart-card";
import { BarsChart, LinesChart } from "@/components/impact/charts";
import { CHART_COLORS } from "@/components/impact/colors";
import { formatMonth } from "@/components/impact/month-label";
import { Stat } from "@/components/ui/stat";
import type { DashboardSummary } from "@/lib/analytics/dashboard";
import { filtersToParams } from "@/lib/analytics/filters";
import type { dashboardOptions } from "@/lib/analytics/options";
import { affairName } from "@/lib/reference/affairs";
import { DesaHeatTable } from "./desa-heat-table";
import { PyramidChart } from "./pyramid-chart";

type Options = Awaited<ReturnType<typeof dashboardOptions>>;

/** Every chart of the dashboard for one filter combination; each with its table and CSV. */
export async function DashboardView({ summary, options }: { summary: DashboardSummary; options: Options }) {
  const [t, tAll, format, axis] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations(),
    getFormatter(),
    getTranslations("ux.charts"),
  ]);
  const n = (v: number) => format.number(v);
  const f = summary.filters;
  const drill = (change: Record<string, string>) => `/dashboard?${filtersToParams({ ...f, ...change }).toString()}`;
  const csv = (name: string, rows: (string | number)[][]) => ({
    label: t("csv"),
    fileName: `dasbor-${name}.csv`,
    rows,
  });
  const kecName = new Map(options.kecamatan.map((k) => [k.code, k.name]));

  const described = [
    f.year ? `${t("year")} ${f.year}` : null,
    f.from || f.to ? `${f.from ?? "…"} – ${f.to ?? "…"}` : null,
    f.kecamatan ? `${t("kecamatan")} ${kecName.get(f.kecamatan) ?? f.kecamatan}` : null,
    f.agencyId ? options.agencies.find((a) => a.id === f.agencyId)?.name : null,
    f.urusan ? affairName(f.urusan) : null,
    f.innovationId ? options.innovations.find((i) => i.id === f.innovationId)?.name : null,
  ].filter(Boolean);
  const pop = summary.population;
  const share =
    pop && summary.totals.residents
      ? t("share", {
          percent: format.number(summary.totals.residents / pop.population, {
            style: "percent",
            maximumFractionDigits: 1,
          }),
          population: n(pop.population),
          year: pop.year,
          source: pop.source,
        })
      : t("noPopulation");

  const months = summary.byMonth.map((m) => ({
    label: formatMonth(format, m.month),
    residents: m.residents,
    records: m.records,
  }));
  const kecs = summary.byKecamatan.map((k) => ({
    label: k.name || t("noDesa"),
    residents: k.residents,
    records: k.records,
    href: k.code ? drill({ kecamatan: k.code }) : null,
  }));
  const top = summary.byInnovation
    .slice(0, 15)
    .map((i) => ({ label: i.name, residents: i.residents, records: i.records, href: `/innovations/${i.id}` }));
  const agencies = summary.byAgency
    .slice(0, 15)
    .map((a) => ({ label: a.name, residents: a.residents, href: drill({ agencyId: a.id }) }));
  const urusans = summary.byUrusan.map((u) => ({
    label: affairName(u.urusan),
    residents: u.residents,
    href: drill({ urusan: u.urusan }),
  }));
  const overlap = summary.overlap.map((o) => ({ label: o.innovations, residents: o.residents }));
  const desa = summary.byDesa.map((d) => ({ ...d, kecamatanName: kecName.get(d.kecamatanCode) ?? d.kecamatanCode }));
  const unit = t("unit");

  return (
    <section className="space-y-4" data-testid="dashboard">
      <p className="text-sm font-medium text-slate-800" data-testid="active-filters">
        {described.length ? t("activeFilters", { filters: described.join(" · ") }) : t("noFilters")}
        <span className="hidden print:inline">
          {" "}
          · {t("printedAt", { date: format.dateTime(new Date(), { dateStyle: "medium", timeStyle: "short" }) })}
        </span>
      </p>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("residents")} value={n(summary.totals.residents)} hint={share} />
        <Stat label={t("records")} value={n(summary.totals.records)} />
        <Stat label={t("amount")} value={summary.totals.amount === null ? t("amountNone") : n(summary.totals.amount)} />
        <Stat
          label={t("innovations")}
          value={n(summary.totals.innovations)}
          hint={summary.stages.map((s) => `${tAll(`vocab.stage.${s.stage}`)}: ${n(s.innovations)}`).join(" · ")}
        />
      </div>
      {summary.totals.records === 0 && <p className="text-slate-700">{t("empty")}</p>}
      <div className="grid items-start gap-4 xl:grid-cols-2 print:grid-cols-2">
        <ChartCard
          title={t("byMonth")}
          note={t("byMonthNote")}
          tableLabel={t("showTable")}
          columns={[t("col.month"), t("col.residents"), t("col.records")]}
          rows={summary.byMonth.map((m) => [formatMonth(format, m.month), n(m.residents), n(m.records)])}
          csv={csv(
            "per-bulan",
            summary.byMonth.map((m) => [m.month, m.residents, m.records]),
          )}
          testId="chart-month"
        >
          <LinesChart
            data={months}
            categoryKey="label"
            label={t("byMonth")}
            valueTitle={axis("both")}
            series={[
              { key: "residents", label: t("col.residents"), color: CHART_COLORS.residents },
              { key: "records", label: t("col.records"), color: CHART_COLORS.services },
            ]}
          />
        </ChartCard>
        <ChartCard
          title={t("byKecamatan")}
          note={`${t("byKecamatanNote")} · ${unit}`}
          tableLabel={t("showTable")}
          columns={[t("col.kecamatan"), t("col.residents"), t("col.records")]}
          rows={kecs.map((k) => [k.label, n(k.residents), n(k.records)])}
          csv={csv(
            "per-kecamatan",
            kecs.map((k) => [k.label, k.residents, k.records]),
          )}
          testId="chart-kecamatan"
        >
          <BarsChart
            data={kecs}
            categoryKey="label"
            layout="vertical"
            hrefKey="href"
            label={t("byKecamatan")}
            valueTitle={axis("residents")}
            series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
          />
        </ChartCard>
        <ChartCard
          title={t("sexAge")}
          note={t("sexAgeNote")}
          tableLabel={t("showTable")}
          columns={[t("col.band"), t("col.male"), t("col.female")]}
          rows={summary.sexAge.map((b) => [b.band, n(b.L), n(b.P)])}
          csv={csv(
            "jenis-kelamin-umur",
            summary.sexAge.map((b) => [b.band, b.L, b.P]),
          )}
          testId="chart-pyramid"
        >
          <PyramidChart
            data={summary.sexAge}
            label={t("sexAge")}
            male={t("col.male")}
            female={t("col.female")}
            valueTitle={axis("residents")}
          />
        </ChartCard>
        <ChartCard
          title={t("topInnovations")}
          note={`${t("topInnovationsNote")} · ${unit}`}
          tableLabel={t("showTable")}
          columns={[t("col.innovation"), t("col.residents"), t("col.records")]}
          rows={top.map((i) => [i.label, n(i.residents), n(i.records)])}
          csv={csv(
            "inovasi",
            summary.byInnovation.slice(0, 15).map((i) => [i.name, i.residents, i.records]),
          )}
          testId="chart-innovations"
        >
          <BarsChart
            data={top}
            categoryKey="label"
            layout="vertical"
            hrefKey="href"
            label={t("topInnovations")}
            valueTitle={axis("residents")}
            series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
          />
        </ChartCard>
        <ChartCard
          title={t("byUrusan")}
          note={unit}
          tableLabel={t("showTable")}
          columns={[t("col.urusan"), t("col.residents")]}
          rows={urusans.map((u) => [u.label, n(u.residents)])}
          csv={csv(
            "per-urusan",
            urusans.map((u) => [u.label, u.residents]),
          )}
          testId="chart-urusan"
        >
          <BarsChart
            data={urusans}
            categoryKey="label"
            layout="vertical"
            hrefKey="href"
            label={t("byUrusan")}
            valueTitle={axis("residents")}
            series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
          />
        </ChartCard>
        <ChartCard
          title={t("byAgency")}
          note={`${t("byAgencyNote")} · ${unit}`}
          tableLabel={t("showTable")}
          columns={[t("col.agency"), t("col.residents")]}
          rows={agencies.map((a) => [a.label, n(a.residents)])}
          csv={csv(
            "per-perangkat-daerah",
            agencies.map((a) => [a.label, a.residents]),
          )}
          testId="chart-agency"
        >
          <BarsChart
            data={agencies}
            categoryKey="label"
            layout="vertical"
            hrefKey="href"
            label={t("byAgency")}
            valueTitle={axis("residents")}
            series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
          />
        </ChartCard>
        <ChartCard
          title={t("overlap")}
          note={t("overlapNote")}
          tableLabel={t("showTable")}
          columns={[t("col.count"), t("col.residents")]}
          rows={overlap.map((o) => [o.label, n(o.residents)])}
          csv={csv(
            "tumpang-tindih",
            overlap.map((o) => [o.label, o.residents]),
          )}
          testId="chart-overlap"
        >
          <BarsChart
            data={overlap}
            categoryKey="label"
            label={t("overlap")}
            valueTitle={axis("residents")}
            series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
          />
        </ChartCard>
        <ChartCard
          title={t("pairs")}
          note={unit}
          tableLabel={t("showTable")}
          columns={[t("col.pair"), t("col.residents")]}
          rows={summary.pairs.map((p) => [`${p.a.name} + ${p.b.name}`, n(p.residents)])}
          csv={csv(
            "pasangan",
            summary.pairs.map((p) => [`${p.a.name} + ${p.b.name}`, p.residents]),
          )}
          testId="chart-pairs"
        >
          <BarsChart
            data={summary.pairs.map((p) => ({ label: `${p.a.name} + ${p.b.name}`, residents: p.residents }))}
            categoryKey="label"
            layout="vertical"
            label={t("pairs")}
            valueTitle={axis("residents")}
            series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
          />
        </ChartCard>
      </div>
      <ChartCard
        title={t("byDesa")}
        note={t("byDesaNote")}
        tableLabel={t("showTable")}
        columns={[t("col.desa"), t("col.residents"), t("col.records")]}
        rows={desa.map((d) => [`${d.kecamatanName} / ${d.name}`, n(d.residents), n(d.records)])}
        csv={csv(
          "per-desa",
          desa.map((d) => [`${d.kecamatanName} / ${d.name}`, d.residents, d.records]),
        )}
        testId="chart-desa"
      >
        <DesaHeatTable rows={desa} caption={t("byDesa")} />
      </ChartCard>
    </section>
  );
}
