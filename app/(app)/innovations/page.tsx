import { Plus, Upload } from "lucide-react";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { InnovationList } from "@/components/tables/innovations/innovation-list";
import { parsePage, parsePageSize, type ViewParams } from "@/components/tables/innovations/view-state";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/context";
import { pageContext } from "@/lib/auth/request-context";
import { catalogueCoverage } from "@/lib/innovations/coverage";
import { facetCounts } from "@/lib/innovations/facets";
import { listInnovations } from "@/lib/innovations/list-innovations";
import { COLUMNS_PARAM, PAGE_PARAM, SIZE_PARAM, VIEW_PARAMS } from "@/lib/innovations/list-params";
import { lenientListInput, pickParams, type RawSearchParams } from "@/lib/innovations/list-search-params";
import { CoveragePanel } from "./coverage-panel";
import { ScopeSwitch } from "./scope-switch";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("nav"))("innovations") };
}

/**
 * The catalogue. Its whole state (search, filters, sort, page, columns) is the URL, read here on
 * the server: the rows, the counts per filter value and the coverage are counted in the
 * database for exactly that state, so a shared link or the back button shows the same view.
 */
export default async function InnovationsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const ctx = await pageContext("innovation.read");
  const raw = await searchParams;
  const params: ViewParams = pickParams(raw, [...VIEW_PARAMS, PAGE_PARAM, SIZE_PARAM, COLUMNS_PARAM]);
  // Agency staff land on their own agency's innovations; `scope=all` (one click) shows every one.
  const ownAgencyId = ctx.actor?.role === "agency" ? ctx.actor.agencyId : null;
  if (ownAgencyId && Object.keys(params).length === 0 && !("scope" in raw))
    redirect(`/innovations?agencyId=${ownAgencyId}`);
  const size = parsePageSize(params);
  const page = parsePage(params);
  const filters = lenientListInput(pickParams(raw));
  const [result, facets, coverage, t] = await Promise.all([
    listInnovations({ ctx, input: { ...filters, limit: size, offset: (page - 1) * size } }),
    facetCounts({ ctx, input: filters }),
    catalogueCoverage({ ctx, input: filters }),
    getTranslations(),
  ]);

  const hrefWith = (changes: Record<string, string | null>) => {
    const query = new URLSearchParams(
      Object.entries({ ...params, ...changes }).filter((e): e is [string, string] => !!e[1]),
    );
    return query.size ? `/innovations?${query}` : "/innovations";
  };
  // A page past the end (rows deleted, or an old link) shows the last page rather than "nothing".
  const lastPage = Math.max(1, Math.ceil(result.total / size));
  if (page > lastPage) redirect(hrefWith({ [PAGE_PARAM]: lastPage === 1 ? null : String(lastPage) }));

  const agencies = coverage.byAgency.map((a) => ({ id: a.agencyId, shortName: a.shortName }));
  const mayWrite = can(ctx, "innovation.write");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("nav.innovations")}</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-700">{t("innovationList.intro")}</p>
        </div>
        {mayWrite && (
          <div className="flex flex-wrap gap-2">
            <Button asChild variant="secondary">
              <Link href="/innovations/import">
                <Upload aria-hidden className="size-4" />
                {t("innovationList.importLink")}
              </Link>
            </Button>
            {/* Agency staff get the form with only their own agency to choose (see form-options). */}
            <Button asChild>
              <Link href="/innovations/new">
                <Plus aria-hidden className="size-4" />
                {t("innovationList.add")}
              </Link>
            </Button>
          </div>
        )}
      </div>
      {ownAgencyId && <ScopeSwitch mine={params.agencyId === ownAgencyId} ownAgencyId={ownAgencyId} />}
      <NuqsAdapter>
        <InnovationList rows={result.items} total={result.total} facets={facets} agencies={agencies} />
      </NuqsAdapter>
      <CoveragePanel coverage={coverage} filterHref={(key, value) => hrefWith({ [key]: value, [PAGE_PARAM]: null })} />
    </div>
  );
}
