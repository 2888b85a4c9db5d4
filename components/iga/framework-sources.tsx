import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import type { Formula, ParameterStatus, RuleSetSource } from "@/lib/iga/rule-set";
import { affairName } from "@/lib/reference/affairs";

/**
 * Where a year's rules come from and which of its parameters are assumed, so nobody mistakes an
 * assumption for the decree; with the parameters the score engine reads, in words.
 */
export async function FrameworkSources({
  year,
  sources,
  parameterStatus,
  formula,
}: {
  year: number;
  sources: RuleSetSource[];
  parameterStatus: Record<string, ParameterStatus>;
  formula: Formula;
}) {
  const [t, tf] = await Promise.all([getTranslations("igaYears.frameworks"), getTranslations("catalogue.fields")]);
  const isUrl = (s: string) => /^https?:\/\//.test(s);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Card className="min-w-0 space-y-2">
        <CardTitle>{t("parameters", { year })}</CardTitle>
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-800" data-testid="framework-parameters">
          <li>{t("divisorFloor", { floor: formula.divisorFloor })}</li>
          <li>
            {formula.minBasicServiceAffairs === null
              ? t("noGate")
              : t("gate", {
                  min: formula.minBasicServiceAffairs,
                  of: formula.basicServiceAffairs.length,
                  affairs: formula.basicServiceAffairs.map(affairName).join(", "),
                })}
          </li>
          <li>{t("eligible", { from: year - formula.eligibleYearsBack, to: year })}</li>
          <li>
            {formula.requiredProfileFields.length === 0
              ? t("noProfileFields")
              : t("profileFields", {
                  fields: formula.requiredProfileFields.map((f) => tf(f as never)).join(", "),
                })}
          </li>
          <li>
            {formula.maxAssessmentYears === null ? t("noMaxYears") : t("maxYears", { max: formula.maxAssessmentYears })}
          </li>
        </ul>
        {Object.keys(parameterStatus).length > 0 && (
          <Table data-testid="parameter-status">
            <thead>
              <tr>
                <Th>{t("parameter")}</Th>
                <Th>{t("status")}</Th>
                <Th>{t("note")}</Th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(parameterStatus).map(([key, p]) => (
                <tr key={key}>
                  <Td>
                    <code>{key}</code>
                  </Td>
                  <Td>
                    <Badge tone={p.status === "official" ? "success" : "warning"}>{t(p.status)}</Badge>
                  </Td>
                  <Td className="text-sm">{p.note}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Card className="min-w-0 space-y-2">
        <CardTitle>{t("sources")}</CardTitle>
        {sources.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noSources")}</p>
        ) : (
          <ul className="space-y-2 text-sm" data-testid="framework-sources">
            {sources.map((s, i) => (
              <li key={i}>
                <p className="font-medium text-slate-900">{s.title}</p>
                <p className="text-slate-700">
                  {isUrl(s.reference) ? (
                    <a className="text-brand-700 underline" href={s.reference} rel="noreferrer" target="_blank">
                      {s.reference}
                    </a>
                  ) : (
                    s.reference
                  )}
                  {s.date && <span className="text-slate-600"> · {s.date}</span>}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
