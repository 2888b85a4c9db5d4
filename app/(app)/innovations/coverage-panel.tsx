import { CheckCircle2, XCircle } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card, CardTitle } from "@/components/ui/card";
import { cn } from "@/lib/cn";
import type { CatalogueCoverage } from "@/lib/innovations/coverage";

const TOP = 8;

/** A list of labelled counts with a bar each, the label linking to the filtered list. */
function CountBars({
  items,
  max,
  testId,
  n,
}: {
  items: { key: string; label: string; title?: string; count: number; href: string }[];
  max: number;
  testId: string;
  n: (v: number) => string;
}) {
  return (
    <ul className="space-y-1.5" data-testid={testId}>
      {items.map((item) => (
        <li key={item.key} className="grid grid-cols-[minmax(0,1fr)_3rem] items-center gap-2 text-sm">
          <div className="min-w-0">
            <Link
              href={item.href}
              title={item.title}
              className="block truncate text-brand-800 underline-offset-2 hover:underline"
            >
              {item.label}
            </Link>
            <div className="mt-0.5 h-1.5 rounded bg-slate-100" aria-hidden>
              <div
                className="h-1.5 rounded bg-brand-600"
                style={{ width: `${max > 0 ? Math.round((item.count / max) * 100) : 0}%` }}
              />
            </div>
          </div>
          <span className="text-right tabular-nums text-slate-800">{n(item.count)}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * Item 5 of the catalogue: counts per stage, main affair and agency for the current filters, and
 * the six basic-service affairs with or without an innovation in penerapan (gaps stand out).
 */
export async function CoveragePanel({
  coverage,
  filterHref,
}: {
  coverage: CatalogueCoverage;
  filterHref: (key: string, value: string) => string;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const n = (v: number) => format.number(v);
  const covered = coverage.basicServices.filter((b) => b.covered);
  const missing = coverage.basicServices.filter((b) => !b.covered);
  const maxAffair = Math.max(0, ...coverage.byAffair.map((a) => a.count));
  const maxAgency = Math.max(0, ...coverage.byAgency.map((a) => a.count));
  const agencyItems = coverage.byAgency.map((a) => ({
    key: a.agencyId,
    label: a.shortName,
    title: a.name,
    count: a.count,
    href: filterHref("agencyId", a.agencyId),
  }));

  return (
    <Card aria-labelledby="coverage-title" data-testid="coverage">
      <CardTitle id="coverage-title">{t("innovationList.coverage.title")}</CardTitle>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="coverage-basic" data-testid="coverage-basic">
          <h3 id="coverage-basic" className="font-semibold text-slate-900">
            {t("innovationList.coverage.basicServices")}
          </h3>
          <p className="mt-1 text-sm font-medium text-slate-800">
            {t("innovationList.coverage.summary", { covered: covered.length, total: coverage.basicServices.length })}
          </p>
          <p
            className={cn("mt-1 text-sm", missing.length ? "font-medium text-red-800" : "text-emerald-800")}
            data-testid="coverage-missing"
          >
            {missing.length
              ? t("innovationList.coverage.missing", { names: missing.map((m) => m.name).join(", ") })
              : t("innovationList.coverage.allCovered")}
          </p>
          <ul className="mt-3 space-y-1.5">
            {coverage.basicServices.map((b) => (
              <li
                key={b.affair}
                data-affair={b.affair}
                data-covered={b.covered}
                className={cn(
                  "flex items-start gap-2 rounded-md border px-3 py-2 text-sm",
                  b.covered ? "border-emerald-200 bg-emerald-50" : "border-red-300 bg-red-50",
                )}
              >
                {b.covered ? (
                  <CheckCircle2 aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-700" />
                ) : (
                  <XCircle aria-hidden className="mt-0.5 size-4 shrink-0 text-red-700" />
                )}
                <span className="min-w-0 flex-1">
                  <span className="sr-only">
                    {t(b.covered ? "innovationList.coverage.coveredLabel" : "innovationList.coverage.missingLabel")}
                    :{" "}
                  </span>
                  <span className="font-medium text-slate-900">{b.name}</span>
                  <span className={cn("block text-xs", b.covered ? "text-emerald-900" : "text-red-900")}>
                    {b.covered
                      ? t("innovationList.coverage.covered", { count: b.count })
                      : t("innovationList.coverage.notCovered")}
                  </span>
                </span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600">{t("innovationList.coverage.basicServicesHint")}</p>
        </section>

        <div className="space-y-5">
          <p className="text-xs text-slate-600">{t("innovationList.coverage.viewNote", { count: coverage.total })}</p>
          <section aria-labelledby="coverage-stage">
            <h3 id="coverage-stage" className="mb-2 font-semibold text-slate-900">
              {t("innovationList.coverage.byStage")}
            </h3>
            <ul className="grid grid-cols-3 gap-2" data-testid="coverage-stage">
              {coverage.byStage.map((s) => (
                <li key={s.stage}>
                  <Link
                    href={filterHref("stage", s.stage)}
                    className="block rounded-md border border-slate-200 p-2 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
                  >
                    <span className="block text-xs text-slate-700">{t(`vocab.stage.${s.stage}`)}</span>
                    <span className="text-xl font-semibold tabular-nums text-slate-900">{n(s.count)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="coverage-affair">
            <h3 id="coverage-affair" className="mb-2 font-semibold text-slate-900">
              {t("innovationList.coverage.byAffair")}
            </h3>
            {coverage.byAffair.length === 0 ? (
              <p className="text-sm text-slate-700">{t("innovationList.coverage.noAffair")}</p>
            ) : (
              <CountBars
                n={n}
                testId="coverage-affair"
                max={maxAffair}
                items={coverage.byAffair
                  .slice(0, TOP)
                  .map((a) => ({
                    key: a.affair,
                    label: a.name,
                    count: a.count,
                    href: filterHref("mainAffair", a.affair),
                  }))}
              />
            )}
          </section>
          <section aria-labelledby="coverage-agency">
            <h3 id="coverage-agency" className="mb-2 font-semibold text-slate-900">
              {t("innovationList.coverage.byAgency")}
            </h3>
            <CountBars n={n} testId="coverage-agency" max={maxAgency} items={agencyItems.slice(0, TOP)} />
            {agencyItems.length > TOP && (
              <details className="mt-2">
                <summary className="cursor-pointer text-sm text-brand-800 underline underline-offset-2">
                  {t("innovationList.coverage.moreAgencies", { count: agencyItems.length })}
                </summary>
                <div className="mt-2">
                  <CountBars n={n} testId="coverage-agency-rest" max={maxAgency} items={agencyItems.slice(TOP)} />
                </div>
              </details>
            )}
          </section>
        </div>
      </div>
    </Card>
  );
}
