import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pathYear } from "@/app/api/v1/iga/request";
import { ComparisonView } from "@/components/submissions/comparison-view";
import { PackageJob } from "@/components/submissions/package-job";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/context";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { numbered } from "@/lib/submissions/content";
import { compareSubmissions } from "@/lib/submissions/compare-submissions";
import { getSubmission, listSubmissions } from "@/lib/submissions/queries";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  return { title: (await getTranslations("ux.titles"))("snapshot", { year: (await params).year }) };
}

/** One frozen submission: what it holds, its files, and a comparison with another snapshot. */
export default async function SubmissionPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string; id: string }>;
  searchParams: Promise<{ with?: string }>;
}) {
  const ctx = await pageContext("iga.submission.read");
  const [{ year: raw, id }, query, t, format] = await Promise.all([
    params,
    searchParams,
    getTranslations("submissions"),
    getFormatter(),
  ]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const s = await orNotFound(() => getSubmission({ ctx, year, id }));
  const others = (await listSubmissions({ ctx, year })).filter((o) => o.id !== id);
  // The comparison always reads from the older snapshot to the newer, whichever of them this page shows.
  const picked = others.find((o) => o.id === query.with);
  const [from, to] = picked && picked.createdAt > s.createdAt ? [id, picked.id] : [query.with, id];
  const diff = query.with ? await orNotFound(() => compareSubmissions({ ctx, year, id: from!, other: to })) : null;
  const base = `/api/v1/iga/${year}/submissions/${id}`;
  const canExport = can(ctx, "iga.submission.export");
  const n = (x: number) => format.number(x, { maximumFractionDigits: 2 });
  return (
    <div className="space-y-6">
      <nav className="text-sm">
        <Link href={`/iga/${year}/submissions`} className="text-brand-700 underline">
          {t("backToList", { year })}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">
        {t("snapshotTitle", { year, date: format.dateTime(s.createdAt, { dateStyle: "long", timeStyle: "short" }) })}
      </h1>
      <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        <dt className="font-medium">{t("frozenBy")}</dt>
        <dd>{s.createdByName}</dd>
        <dt className="font-medium">{t("index")}</dt>
        <dd>
          {n(s.index)} · {s.category}
        </dd>
        <dt className="font-medium">{t("innovations")}</dt>
        <dd>{s.innovationCount}</dd>
        <dt className="font-medium">{t("ruleSet")}</dt>
        <dd>{s.content.ruleSet.name}</dd>
        <dt className="font-medium">{t("override")}</dt>
        <dd>{s.overrideReason ? t("overrideWith", { count: s.problemCount, reason: s.overrideReason }) : "–"}</dd>
        <dt className="font-medium">SHA-256</dt>
        <dd>
          <code className="break-all text-xs" data-testid="snapshot-sha">
            {s.sha256}
          </code>
        </dd>
      </dl>

      <Card>
        <CardTitle>{t("downloads")}</CardTitle>
        <div className="flex flex-wrap gap-2">
          {canExport && (
            <Button asChild>
              <a href={`${base}/package.zip`}>{t("downloadPackage")}</a>
            </Button>
          )}
          {canExport && (
            <Button asChild variant="secondary">
              <a href={`${base}/submission.xlsx`}>submission.xlsx</a>
            </Button>
          )}
          {can(ctx, "iga.submission.summary") && (
            <Button asChild variant="secondary">
              <a href={`${base}/profil-inovasi.pdf`}>profil-inovasi.pdf</a>
            </Button>
          )}
        </div>
        {canExport && (
          <div className="mt-3">
            <PackageJob base={base} />
          </div>
        )}
        {!can(ctx, "iga.submission.summary") && <p className="text-sm text-slate-600">{t("noDownloads")}</p>}
      </Card>

      {others.length > 0 && (
        <Card>
          <CardTitle>{t("compareTitle")}</CardTitle>
          <form className="flex flex-wrap items-end gap-2" method="get">
            <label className="space-y-1 text-sm">
              <span className="block font-medium">{t("compareWith")}</span>
              <select
                name="with"
                defaultValue={query.with ?? others[0].id}
                className="rounded-md border border-slate-300 px-2 py-1.5"
              >
                {others.map((o) => (
                  <option key={o.id} value={o.id}>
                    {format.dateTime(o.createdAt, { dateStyle: "medium", timeStyle: "short" })} · {n(o.index)}
                  </option>
                ))}
              </select>
            </label>
            <Button type="submit" variant="secondary">
              {t("compare")}
            </Button>
          </form>
          {diff && <ComparisonView diff={diff} />}
        </Card>
      )}

      <section className="space-y-2">
        <h2 className="text-lg font-semibold">{t("contents")}</h2>
        <Table>
          <thead>
            <tr>
              <Th>No</Th>
              <Th>{t("innovation")}</Th>
              <Th>{t("agency")}</Th>
              <Th className="text-right">{t("score")}</Th>
              {canExport && <Th>PDF</Th>}
            </tr>
          </thead>
          <tbody>
            {s.content.innovations.map((i) => (
              <tr key={i.id}>
                <Td className="tabular-nums">{numbered(i.no)}</Td>
                <Td>{i.profile.name}</Td>
                <Td>{i.agency.name}</Td>
                <Td className="text-right tabular-nums">{n(i.score)}</Td>
                {canExport && (
                  <Td>
                    <a className="text-brand-700 underline" href={`${base}/profil/${i.no}`}>
                      {numbered(i.no)}-{i.slug}.pdf
                    </a>
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      </section>
    </div>
  );
}
