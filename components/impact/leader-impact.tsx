import { getFormatter, getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/stat";
import type { LeaderImpact } from "@/lib/dashboard/impact-summary";
import { ChartCard } from "./chart-card";
import { BarsChart, LinesChart } from "./charts";
import { CHART_COLORS } from "./colors";
import { formatMonth } from "./month-label";
import { ProgrammeCountChart } from "./programme-count-chart";

/** The impact part of a leader's home page: aggregates only, never a NIK or a name. */
export async function LeaderImpactSection({ impact }: { impact: LeaderImpact }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const n = (v: number) => format.number(v);
  const cross = impact.crossProgramme;
  const percent = impact.residents ? format.number(cross.multiProgramme / impact.residents, { style: "percent", maximumFractionDigits: 1 }) : null;
  const months = impact.byMonth.map((m) => ({ label: formatMonth(format, m.month), records: m.records, residents: m.residents }));
  const top = impact.topInnovations.map((i) => ({ label: i.name, residents: i.residents, records: i.records }));

  return (
    <section aria-labelledby="leader-impact-title" className="space-y-4" data-testid="leader-impact">
      <div>
        <h2 id="leader-impact-title" className="text-xl font-semibold text-slate-900">
          {t("impact.leader.title")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("impact.leader.intro")}</p>
      </div>
      {impact.records === 0 ? (
        <p className="text-slate-700">{t("impact.leader.empty")}</p>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
            <Stat label={t("impact.leader.residents")} value={n(impact.residents)} />
            <Stat label={t("impact.leader.records")} value={n(impact.records)} />
            <Stat label={t("impact.leader.multi")} value={n(cross.multiProgramme)} hint={percent ? t("impact.leader.multiHint", { percent }) : undefined} />
          </div>
          <div className="grid gap-4 xl:grid-cols-2">
            <ChartCard
              title={t("impact.leader.topInnovations")}
              tableLabel={t("impact.showTable")}
              columns={[t("impact.col.innovation"), t("impact.col.residents"), t("impact.col.records")]}
              rows={top.map((i) => [i.label, n(i.residents), n(i.records)])}
              testId="chart-top-innovations"
            >
              <BarsChart
                data={top}
                categoryKey="label"
                layout="vertical"
                label={t("impact.leader.topInnovations")}
                series={[{ key: "residents", label: t("impact.col.residents"), color: CHART_COLORS.primary }]}
              />
            </ChartCard>
            <ChartCard
              title={t("impact.leader.byMonth")}
              tableLabel={t("impact.showTable")}
              columns={[t("impact.col.month"), t("impact.col.records"), t("impact.col.residents")]}
              rows={months.map((m) => [m.label, n(m.records), n(m.residents)])}
              testId="chart-by-month"
            >
              <LinesChart
                data={months}
                categoryKey="label"
                label={t("impact.leader.byMonth")}
                series={[
                  { key: "records", label: t("impact.col.records"), color: CHART_COLORS.primary },
                  { key: "residents", label: t("impact.col.residents"), color: CHART_COLORS.secondary },
                ]}
              />
            </ChartCard>
            <ProgrammeCountChart cross={cross} title={t("impact.leader.crossTitle")} color={CHART_COLORS.tertiary} testId="chart-cross-programme" />
            {cross.combinations.length > 0 && (
              <ChartCard
                title={t("residents.cross.combinations")}
                tableLabel={t("impact.showTable")}
                columns={[t("residents.cross.combination"), t("impact.col.residents")]}
                rows={cross.combinations.map((c) => [c.innovations.map((i) => i.name).join(" + "), n(c.residents)])}
              >
                <BarsChart
                  data={cross.combinations.map((c) => ({ label: c.innovations.map((i) => i.name).join(" + "), residents: c.residents }))}
                  categoryKey="label"
                  layout="vertical"
                  label={t("residents.cross.combinations")}
                  series={[{ key: "residents", label: t("impact.col.residents"), color: CHART_COLORS.secondary }]}
                />
              </ChartCard>
            )}
          </div>
        </>
      )}
    </section>
  );
}
