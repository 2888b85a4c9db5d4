import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pathYear } from "@/app/api/v1/iga/request";
import { PreflightList } from "@/components/submissions/preflight-list";
import { FreezeForm } from "@/components/submissions/freeze-form";
import { VerifyForm } from "@/components/submissions/verify-form";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/context";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { runPreflight } from "@/lib/submissions/preflight";
import { listSubmissions } from "@/lib/submissions/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  return { title: (await getTranslations("submissions"))("title", { year: (await params).year }) };
}

/** A year's frozen submissions; for those who may freeze, the pre-flight check and the freeze form. */
export default async function SubmissionsPage({ params }: { params: Promise<{ year: string }> }) {
  const ctx = await pageContext("iga.submission.read");
  const [{ year: raw }, t, format] = await Promise.all([params, getTranslations("submissions"), getFormatter()]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const canFreeze = can(ctx, "iga.submission.freeze");
  const [rows, preflight] = await Promise.all([
    listSubmissions({ ctx, year }),
    canFreeze ? orNotFound(() => runPreflight({ ctx, year })) : null,
  ]);
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href={`/iga/${year}`} className="text-brand-700 underline">
          {t("back", { year })}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("title", { year })}</h1>
      <p className="max-w-3xl text-slate-700">{t("intro")}</p>

      {preflight && (
        <Card>
          <CardTitle>{t("preflightTitle")}</CardTitle>
          <p className="mb-3 text-sm text-slate-700">
            {t("preflightSummary", {
              innovations: preflight.innovations,
              index: format.number(preflight.index, { maximumFractionDigits: 2 }),
              category: preflight.category,
            })}
          </p>
          <PreflightList problems={preflight.problems} />
          <div className="mt-4">
            <FreezeForm year={year} problems={preflight.problems.length} />
          </div>
        </Card>
      )}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("listTitle")}</h2>
        {rows.length === 0 ? (
          <p className="text-slate-600">{t("empty")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("frozenAt")}</Th>
                <Th>{t("frozenBy")}</Th>
                <Th className="text-right">{t("index")}</Th>
                <Th>{t("category")}</Th>
                <Th className="text-right">{t("innovations")}</Th>
                <Th>{t("override")}</Th>
                <Th>SHA-256</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <Td>
                    <Link className="text-brand-700 underline" href={`/iga/${year}/submissions/${r.id}`}>
                      {format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </Link>
                  </Td>
                  <Td>{r.createdByName}</Td>
                  <Td className="text-right tabular-nums">{format.number(r.index, { minimumFractionDigits: 2 })}</Td>
                  <Td>{r.category}</Td>
                  <Td className="text-right tabular-nums">{r.innovationCount}</Td>
                  <Td className="max-w-64 text-xs">
                    {r.overrideReason ? t("overrideWith", { count: r.problemCount, reason: r.overrideReason }) : "–"}
                  </Td>
                  <Td>
                    <code className="break-all text-xs" title={r.sha256}>
                      {r.sha256.slice(0, 16)}…
                    </code>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </section>

      <Card>
        <CardTitle>{t("verifyTitle")}</CardTitle>
        <p className="mb-3 text-sm text-slate-700">{t("verifyIntro")}</p>
        <VerifyForm year={year} />
      </Card>
    </div>
  );
}
