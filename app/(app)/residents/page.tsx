import { getFormatter, getTranslations } from "next-intl/server";
import { CHART_COLORS } from "@/components/impact/colors";
import { ProgrammeCountChart } from "@/components/impact/programme-count-chart";
import { Card, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/context";
import { pageContext } from "@/lib/auth/request-context";
import { crossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { LookupPanel } from "./lookup-panel";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("residents"))("title") };
}

/**
 * Resident look-up (admin, Bappeda). The NIK is typed into a form that posts to a server action:
 * it never appears in this page's URL, so neither browser history nor access logs keep it.
 */
export default async function ResidentsPage() {
  const ctx = await pageContext("resident.lookup");
  const [cross, t, format] = await Promise.all([crossProgrammeSummary({ ctx }), getTranslations(), getFormatter()]);
  const n = (v: number) => format.number(v);
  const percent = cross.residents
    ? format.number(cross.multiProgramme / cross.residents, { style: "percent", maximumFractionDigits: 1 })
    : null;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("residents.title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("residents.intro")}</p>
      </div>
      <LookupPanel canReveal={can(ctx, "resident.reveal")} />

      <section aria-labelledby="cross-title" className="space-y-4" data-testid="cross-programme">
        <div>
          <h2 id="cross-title" className="text-xl font-semibold text-slate-900">
            {t("residents.cross.title")}
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">{t("residents.cross.intro")}</p>
        </div>
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
          <Stat label={t("residents.cross.residents")} value={n(cross.residents)} />
          <Stat
            label={t("residents.cross.multi")}
            value={n(cross.multiProgramme)}
            hint={percent ? t("impact.leader.multiHint", { percent }) : undefined}
          />
        </div>
        <div className="grid gap-4 lg:grid-cols-2">
          <ProgrammeCountChart cross={cross} title={t("residents.cross.byCount")} color={CHART_COLORS.primary} />
          <Card>
            <CardTitle>{t("residents.cross.combinations")}</CardTitle>
            {cross.combinations.length === 0 ? (
              <p className="text-slate-700">{t("residents.cross.none")}</p>
            ) : (
              <Table data-testid="cross-combinations">
                <caption className="sr-only">{t("residents.cross.combinations")}</caption>
                <thead>
                  <tr>
                    <Th>{t("residents.cross.combination")}</Th>
                    <Th className="text-right">{t("impact.col.residents")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {cross.combinations.map((c) => (
                    <tr key={c.innovations.map((i) => i.id).join()}>
                      <Td>{c.innovations.map((i) => i.name).join(" + ")}</Td>
                      <Td className="text-right tabular-nums">{n(c.residents)}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        </div>
      </section>
    </div>
  );
}
