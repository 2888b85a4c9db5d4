import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { pathYear } from "@/app/api/v1/iga/request";
import { ReviewForm } from "@/components/iga/review-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { listAgencies } from "@/lib/agencies/list-agencies";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { getFramework } from "@/lib/iga/frameworks";
import { reviewQueue } from "@/lib/iga/review-queue";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  return { title: (await getTranslations("igaYears.queue"))("title", { year: (await params).year }) };
}

/**
 * The evaluator's review queue for a year: evidence not yet reviewed, then evidence sent back,
 * filtered by agency and indicator. The first pending item is open with its verdict form; after a
 * verdict the page reloads and the next pending one takes its place.
 */
export default async function ReviewQueuePage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<{ agency?: string; indicator?: string }>;
}) {
  const ctx = await pageContext("iga.review");
  const [{ year: raw }, query, t, format] = await Promise.all([
    params,
    searchParams,
    getTranslations("igaYears.queue"),
    getFormatter(),
  ]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const filters = { agencyId: query.agency || null, indicatorCode: query.indicator || null };
  const [queue, agencies, framework] = await Promise.all([
    orNotFound(() => reviewQueue({ ctx, input: { year, ...filters } })),
    listAgencies({ ctx }),
    orNotFound(() => getFramework({ ctx, year })),
  ]);
  const next = queue.items.find((i) => i.reviewStatus === "pending");
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link className="text-brand-700 underline" href={`/iga/${year}`}>
          {t("back", { year })}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("title", { year })}</h1>
      <p className="text-slate-700" data-testid="queue-counts">
        {t("counts", { pending: queue.pending, total: queue.total })}
      </p>
      <form method="get" className="flex flex-wrap items-end gap-3" role="search">
        <div>
          <label htmlFor="queue-agency" className="mb-1 block text-sm font-medium">
            {t("agency")}
          </label>
          <Select id="queue-agency" name="agency" defaultValue={filters.agencyId ?? ""}>
            <option value="">{t("all")}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.shortName}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="queue-indicator" className="mb-1 block text-sm font-medium">
            {t("indicator")}
          </label>
          <Select id="queue-indicator" name="indicator" defaultValue={filters.indicatorCode ?? ""}>
            <option value="">{t("all")}</option>
            {framework.indicators.map((i) => (
              <option key={i.code} value={i.code}>
                {i.code} {i.name}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {t("filter")}
        </Button>
      </form>
      {queue.items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ol className="space-y-2" data-testid="review-queue">
          {queue.items.map((item) => (
            <li
              key={item.evidenceId}
              id={`evidence-${item.evidenceId}`}
              className="rounded-md border border-slate-200 bg-white p-3 text-sm"
              data-testid="queue-item"
            >
              <div className="flex flex-wrap items-center gap-2">
                {item === next && <Badge tone="brand">{t("next")}</Badge>}
                <Badge tone={item.reviewStatus === "pending" ? "neutral" : "warning"}>
                  {t(`status.${item.reviewStatus}`)}
                </Badge>
                <span className="font-medium text-slate-900">
                  {item.innovationName ?? t("region")} · {item.indicatorCode} {item.indicatorName}
                </span>
                {item.agencyName && <span className="text-slate-600">({item.agencyName})</span>}
              </div>
              <p className="mt-1 text-slate-700">
                {item.level !== null ? t("level", { level: item.level }) : t("noLevel")} ·{" "}
                {item.kind === "file" ? (
                  <a
                    className="text-brand-700 underline"
                    href={`/api/v1/iga/evidence/${item.evidenceId}/file`}
                    target="_blank"
                    rel="noopener"
                  >
                    {item.fileName}
                  </a>
                ) : (
                  <a
                    className="break-all text-brand-700 underline"
                    href={item.url ?? "#"}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {item.url}
                  </a>
                )}
                {item.letterNumber && ` · ${item.letterNumber}`}
                {item.letterDate && ` · ${format.dateTime(new Date(item.letterDate), { dateStyle: "medium" })}`}
              </p>
              {item.reviewComment && <p className="mt-1 text-amber-900">{item.reviewComment}</p>}
              <div className="mt-1 flex flex-wrap gap-3">
                <Link
                  className="text-brand-700 underline"
                  href={
                    item.innovationId
                      ? `/innovations/${item.innovationId}?tab=indicators&year=${year}#indicator-${item.indicatorCode}`
                      : `/iga/${year}/region#indicator-${item.indicatorCode}`
                  }
                >
                  {t("open")}
                </Link>
              </div>
              {item === next && (
                <ReviewForm
                  evidenceId={item.evidenceId}
                  year={year}
                  innovationId={item.innovationId}
                  status={item.reviewStatus}
                  comment={item.reviewComment}
                />
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
