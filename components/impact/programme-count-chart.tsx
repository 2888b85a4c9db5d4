import { getFormatter, getTranslations } from "next-intl/server";
import type { CrossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { ChartCard } from "./chart-card";
import { BarsChart } from "./charts";

/** Residents by how many innovations reached them (1, 2, 3, 4 or more), as a chart with its table. */
export async function ProgrammeCountChart({
  cross,
  title,
  color,
  testId,
}: {
  cross: CrossProgrammeSummary;
  title: string;
  color: string;
  testId?: string;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const programmes = cross.byProgrammeCount.map((b) => ({
    label: t("residents.cross.programmes", { count: b.programmes }),
    residents: b.residents,
  }));
  return (
    <ChartCard
      title={title}
      tableLabel={t("impact.showTable")}
      columns={[t("residents.cross.byCount"), t("impact.col.residents")]}
      rows={programmes.map((p) => [p.label, format.number(p.residents)])}
      testId={testId}
    >
      <BarsChart
        data={programmes}
        categoryKey="label"
        label={title}
        series={[{ key: "residents", label: t("impact.col.residents"), color }]}
      />
    </ChartCard>
  );
}
