import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/auth/context";
import { getRequestContext, orNotFound, pageContext } from "@/lib/auth/request-context";
import { cn } from "@/lib/cn";
import { getInnovation } from "@/lib/innovations/get-innovation";
import { BeneficiariesTab } from "./beneficiaries-tab";
import { HistoryTab } from "./history-tab";
import { IndicatorsTab } from "./indicators-tab";
import { InnovationActions } from "./innovation-actions";
import { ProfileTab } from "./profile-tab";
import { PublishToggle } from "./publish-toggle";

export const dynamic = "force-dynamic";

/** The tab title names the innovation; a reader who may not see it gets the generic title. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, ctx, t] = await Promise.all([params, getRequestContext(), getTranslations("ux.titles")]);
  try {
    return { title: (await getInnovation({ ctx, id })).name };
  } catch {
    return { title: t("innovation") };
  }
}

const TABS = ["profile", "indicators", "beneficiaries", "history"] as const;
type Tab = (typeof TABS)[number];

export default async function InnovationPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ tab?: string; saved?: string; year?: string; impactYear?: string }>;
}) {
  const ctx = await pageContext("innovation.read");
  const [{ id }, query, t] = await Promise.all([params, searchParams, getTranslations()]);
  const innovation = await orNotFound(() => getInnovation({ ctx, id }));
  const tab: Tab = (TABS as readonly string[]).includes(query.tab ?? "") ? (query.tab as Tab) : "profile";
  const writable = can(ctx, "innovation.write", { agencyId: innovation.agencyId, regionCode: innovation.regionCode });
  const publishable = can(ctx, "gallery.publish", { regionCode: innovation.regionCode });
  return (
    <div className="space-y-4">
      <nav aria-label={t("catalogue.breadcrumb")} className="text-sm">
        <Link href="/innovations" className="text-brand-700 underline">
          {t("nav.innovations")}
        </Link>
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{innovation.name}</h1>
          <p className="text-slate-700">{innovation.summary}</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Badge tone="brand">{t(`vocab.stage.${innovation.stage}`)}</Badge>
            <Badge>{innovation.agencyShortName}</Badge>
            {innovation.isSample && <Badge tone="warning">{t("innovations.sample")}</Badge>}
            {innovation.archivedAt && <Badge tone="danger">{t("catalogue.archivedBadge")}</Badge>}
          </div>
        </div>
        {writable && (
          <div className="flex flex-wrap items-start gap-2">
            <Button asChild>
              <Link href={`/innovations/${innovation.id}/edit`}>{t("catalogue.edit")}</Link>
            </Button>
            <InnovationActions id={innovation.id} archived={!!innovation.archivedAt} />
          </div>
        )}
      </div>
      {publishable && <PublishToggle id={innovation.id} isPublic={innovation.isPublic} slug={innovation.slug} />}
      {query.saved && <Alert tone="success">{t("catalogue.saved")}</Alert>}
      <div
        role="tablist"
        aria-label={t("catalogue.tabsLabel")}
        className="flex flex-wrap gap-x-1 border-b border-slate-200"
      >
        {TABS.map((name) => (
          <Link
            key={name}
            role="tab"
            aria-selected={tab === name}
            href={`/innovations/${innovation.id}?tab=${name}`}
            className={cn(
              "-mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm sm:px-4 font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
              tab === name
                ? "border-brand-700 text-brand-800"
                : "border-transparent text-slate-700 hover:text-slate-900",
            )}
          >
            {t(`catalogue.tabs.${name}`)}
          </Link>
        ))}
      </div>
      <section role="tabpanel" aria-label={t(`catalogue.tabs.${tab}`)}>
        {tab === "profile" && <ProfileTab innovation={innovation} />}
        {tab === "history" && <HistoryTab ctx={ctx} id={innovation.id} />}
        {tab === "indicators" && (
          <IndicatorsTab
            ctx={ctx}
            innovation={innovation}
            year={/^\d{4}$/.test(query.year ?? "") ? Number(query.year) : undefined}
          />
        )}
        {tab === "beneficiaries" && (
          <BeneficiariesTab ctx={ctx} innovation={innovation} impactYear={query.impactYear} />
        )}
      </section>
    </div>
  );
}
