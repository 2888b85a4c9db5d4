import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CloneFrameworkForm, FrameworkStatusButton } from "@/components/iga/framework-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { pageContext } from "@/lib/auth/request-context";
import { listFrameworks } from "@/lib/iga/frameworks";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("iga.frameworks"))("title") };
}

/** The rule sets per year (admin): copy a year into the next, edit it, activate it. */
export default async function FrameworksPage() {
  const ctx = await pageContext("iga.framework.manage");
  const [frameworks, t, tIga, format] = await Promise.all([
    listFrameworks({ ctx }),
    getTranslations("iga.frameworks"),
    getTranslations("iga"),
    getFormatter(),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="max-w-3xl text-slate-700">{t("intro")}</p>
      </div>
      <Table data-testid="frameworks">
        <thead>
          <tr>
            <Th>{t("year")}</Th>
            <Th>{t("name")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("indicators")}</Th>
            <Th>{t("assessments")}</Th>
            <Th>
              <span className="sr-only">{t("edit")}</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {frameworks.map((f) => (
            <tr key={f.year}>
              <Td className="font-semibold tabular-nums">{f.year}</Td>
              <Td>
                {f.name}
                <span className="block text-xs text-slate-600">
                  {t("version")} {f.version}
                </span>
              </Td>
              <Td>
                <Badge tone={f.status === "active" ? "success" : "warning"}>{tIga(f.status)}</Badge>
              </Td>
              <Td>{t("indicatorCounts", { region: f.regionIndicators, innovation: f.innovationIndicators })}</Td>
              <Td className="tabular-nums">{format.number(f.assessments)}</Td>
              <Td>
                <div className="flex flex-wrap items-center gap-2">
                  <Link className="text-brand-700 underline" href={`/iga/frameworks/${f.year}`}>
                    {t("edit")}
                    <span className="sr-only"> {f.year}</span>
                  </Link>
                  <Link className="text-brand-700 underline" href={`/iga/${f.year}`}>
                    {t("view")}
                    <span className="sr-only"> {f.year}</span>
                  </Link>
                  <FrameworkStatusButton year={f.year} status={f.status} version={f.version} />
                </div>
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {frameworks.length > 0 && (
        <Card>
          <CardTitle>{t("clone")}</CardTitle>
          <CloneFrameworkForm years={frameworks.map((f) => f.year)} />
        </Card>
      )}
    </div>
  );
}
