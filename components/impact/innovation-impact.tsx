"use client";

import { useFormatter, useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useTransition } from "react";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Stat } from "@/components/ui/stat";
import type { InnovationImpact as Impact } from "@/lib/beneficiaries/impact";
import { amountText, RUPIAH, unitLabel } from "@/lib/beneficiaries/amount-unit";
import { ChartCard } from "./chart-card";
import { BarsChart, LinesChart } from "./charts";
import { CHART_COLORS } from "./colors";
import { useMonthLabel } from "./month-label";

/** The query parameter that holds the impact year. */
export const IMPACT_YEAR_PARAM = "impactYear";

/** The impact section of an innovation's beneficiaries tab, with a year selector (aggregates only). */
export function InnovationImpact({ initial }: { initial: Impact }) {
  const t = useTranslations("impact");
  const tr = useTranslations("residents");
  const format = useFormatter();
  const monthLabel = useMonthLabel();
  const selectId = useId();
  // The year is part of the URL (?impactYear=2024): the server renders that year's figures, so a
  // shared link or the back button shows the same view.
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const impact = initial;
  const selected = initial.year === null ? "" : String(initial.year);
  const [pending, startTransition] = useTransition();
  const n = (v: number | null) => (v === null ? "—" : format.number(v));
  const tUnit = useTranslations("ux.amountUnit");
  const axis = useTranslations("ux.charts");
  // Cells are plain numbers; the heading and the total say what they count (Rp, dokumen or nothing).
  const unit = unitLabel(initial.amountUnit);
  const amount = (v: number | null) =>
    v === null ? "—" : format.number(v, { maximumFractionDigits: initial.amountUnit === RUPIAH ? 0 : 2 });
  const amountColumn = unit ? tUnit("column", { unit }) : t("col.amount");

  const changeYear = (value: string) => {
    const query = new URLSearchParams(searchParams.toString());
    if (value) query.set(IMPACT_YEAR_PARAM, value);
    else query.delete(IMPACT_YEAR_PARAM);
    startTransition(() => router.replace(`${pathname}?${query}`, { scroll: false }));
  };

  const { totals } = impact;
  const months = impact.byMonth.map((m) => ({
    label: monthLabel(m.month),
    records: m.records,
    residents: m.residents,
  }));
  const placeName = (p: { name: string | null; code: string | null }) => p.name ?? p.code ?? t("unknownPlace");
  const kecamatan = impact.byKecamatan.map((k) => ({
    label: placeName(k),
    residents: k.residents,
    records: k.records,
  }));
  const sexAge = impact.bySexAge.map((b) => ({ label: b.band, L: b.L, P: b.P }));
  const hasAmounts = totals.amount !== null;
  // A line needs two points: a single month is drawn as bars.
  const MonthChart = months.length > 1 ? LinesChart : BarsChart;

  return (
    <section aria-labelledby={`${selectId}-title`} className="space-y-4" data-testid="impact">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id={`${selectId}-title`} className="text-lg font-semibold text-slate-900">
            {t("title")}
          </h2>
          <p className="max-w-2xl text-sm text-slate-700">{t("intro")}</p>
        </div>
        <div className="w-44">
          <Label htmlFor={selectId}>{t("year")}</Label>
          <Select
            id={selectId}
            value={selected}
            onChange={(e) => changeYear(e.target.value)}
            aria-busy={pending}
            data-testid="impact-year"
          >
            <option value="">{t("allYears")}</option>
            {initial.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <div aria-live="polite" className="sr-only">
        {pending ? t("loading") : ""}
      </div>
      <div className={pending ? "space-y-4 opacity-60 transition-opacity" : "space-y-4"}>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t("residents")} value={n(totals.residents)} />
          <Stat label={t("records")} value={n(totals.records)} />
          {hasAmounts && (
            <Stat
              label={t("amount")}
              value={amountText(totals.amount!.sum, initial.amountUnit, format.number)}
              hint={t("amountHint", { count: totals.amount!.count })}
            />
          )}
          {totals.firstDate && totals.lastDate && (
            <Stat
              label={t("period")}
              value={t("periodValue", {
                first: format.dateTime(new Date(`${totals.firstDate}T00:00:00Z`), {
                  dateStyle: "medium",
                  timeZone: "UTC",
                }),
                last: format.dateTime(new Date(`${totals.lastDate}T00:00:00Z`), {
                  dateStyle: "medium",
                  timeZone: "UTC",
                }),
              })}
            />
          )}
        </div>

        {totals.records === 0 ? (
          <p className="text-slate-700">{t("empty")}</p>
        ) : (
          <>
            <div className="grid gap-4 xl:grid-cols-2">
              <ChartCard
                title={t("byMonth")}
                tableLabel={t("showTable")}
                columns={[t("col.month"), t("col.records"), t("col.residents"), ...(hasAmounts ? [amountColumn] : [])]}
                rows={impact.byMonth.map((m) => [
                  monthLabel(m.month),
                  n(m.records),
                  n(m.residents),
                  ...(hasAmounts ? [amount(m.amount)] : []),
                ])}
                testId="impact-by-month"
              >
                <MonthChart
                  data={months}
                  categoryKey="label"
                  label={t("byMonth")}
                  valueTitle={axis("both")}
                  series={[
                    { key: "records", label: t("col.records"), color: CHART_COLORS.services },
                    { key: "residents", label: t("col.residents"), color: CHART_COLORS.residents },
                  ]}
                />
              </ChartCard>
              <ChartCard
                title={t("byKecamatan")}
                note={t("placeNote")}
                tableLabel={t("showTable")}
                columns={[t("col.kecamatan"), t("col.residents"), t("col.records")]}
                rows={impact.byKecamatan.map((k) => [placeName(k), n(k.residents), n(k.records)])}
                testId="impact-by-kecamatan"
              >
                <BarsChart
                  data={kecamatan}
                  categoryKey="label"
                  layout="vertical"
                  label={t("byKecamatan")}
                  valueTitle={axis("residents")}
                  series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
                />
              </ChartCard>
              <ChartCard
                title={t("bySexAge")}
                note={t("ageNote")}
                tableLabel={t("showTable")}
                columns={[t("col.band"), t("col.male"), t("col.female")]}
                rows={impact.bySexAge.map((b) => [tr("years", { band: b.band }), n(b.L), n(b.P)])}
                testId="impact-by-sex-age"
              >
                <BarsChart
                  data={sexAge}
                  categoryKey="label"
                  label={t("bySexAge")}
                  valueTitle={axis("residents")}
                  series={[
                    { key: "L", label: tr("sexL"), color: CHART_COLORS.male },
                    { key: "P", label: tr("sexP"), color: CHART_COLORS.female },
                  ]}
                />
              </ChartCard>
              <ChartCard
                title={t("byServiceType")}
                tableLabel={t("showTable")}
                columns={[t("col.type"), t("col.records"), t("col.residents"), ...(hasAmounts ? [amountColumn] : [])]}
                rows={impact.byServiceType.map((s) => [
                  s.serviceType,
                  n(s.records),
                  n(s.residents),
                  ...(hasAmounts ? [amount(s.amount)] : []),
                ])}
              >
                <BarsChart
                  data={impact.byServiceType.slice(0, 12).map((s) => ({ label: s.serviceType, records: s.records }))}
                  categoryKey="label"
                  layout="vertical"
                  label={t("byServiceType")}
                  valueTitle={axis("services")}
                  series={[{ key: "records", label: t("col.records"), color: CHART_COLORS.services }]}
                />
              </ChartCard>
            </div>
            <ChartCard
              title={t("byDesa")}
              note={impact.byDesa.length > 15 ? `${t("byDesaTop")} ${t("placeNote")}` : t("placeNote")}
              tableLabel={t("showTable")}
              columns={[t("col.desa"), t("col.kecamatan"), t("col.residents"), t("col.records")]}
              rows={impact.byDesa.map((d) => [
                placeName(d),
                d.kecamatanCode
                  ? (impact.byKecamatan.find((k) => k.code === d.kecamatanCode)?.name ?? d.kecamatanCode)
                  : "—",
                n(d.residents),
                n(d.records),
              ])}
              testId="impact-by-desa"
            >
              <BarsChart
                data={impact.byDesa.slice(0, 15).map((d) => ({ label: placeName(d), residents: d.residents }))}
                categoryKey="label"
                layout="vertical"
                label={t("byDesa")}
                valueTitle={axis("residents")}
                series={[{ key: "residents", label: t("col.residents"), color: CHART_COLORS.residents }]}
              />
            </ChartCard>
          </>
        )}
      </div>
    </section>
  );
}
