import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ReviewQueueCard } from "@/components/iga/review-queue-card";
import { Card, CardTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { can } from "@/lib/auth/context";
import { getRequestContext, pageContext } from "@/lib/auth/request-context";
import { homeSummary } from "@/lib/dashboard/home-summary";
import { STAGES } from "@/lib/innovations/vocabulary";
import { navFor } from "@/lib/navigation";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("ux.titles"))("home") };
}

/** Each role's home: the same headline numbers, with the role's own introduction and next steps. */
export default async function HomePage() {
  // Province and national users read the regions' roll-up and nothing else.
  if (can(await getRequestContext(), "region.summary.read")) redirect("/regions");
  const ctx = await pageContext("dashboard.view");
  const actor = ctx.actor!;
  // A leader's home is the dashboard; old links and bookmarks to "/" land there.
  if (actor.role === "leader") redirect("/dashboard");
  const [summary, t, format] = await Promise.all([homeSummary({ ctx }), getTranslations(), getFormatter()]);
  const links = navFor(ctx).filter((item) => item.href !== "/");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("home.greeting", { name: actor.name })}</h1>
        <p className="mt-1 max-w-3xl text-slate-700" data-testid="role-intro">
          {t(`home.intro.${actor.role}`)}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat
          label={summary.scopedToAgency ? t("home.ownInnovations") : t("home.totalInnovations")}
          value={format.number(summary.total)}
          hint={summary.samples ? t("home.samples", { count: summary.samples }) : undefined}
          href={summary.scopedToAgency && actor.agencyId ? `/innovations?agencyId=${actor.agencyId}` : "/innovations"}
        />
        {STAGES.map((stage) => (
          <Stat key={stage} label={t(`vocab.stage.${stage}`)} value={format.number(summary.stages[stage] ?? 0)} />
        ))}
      </div>
      {actor.role === "evaluator" && <ReviewQueueCard ctx={ctx} />}
      <Card>
        <CardTitle>{t("home.nextSteps")}</CardTitle>
        <ul className="grid gap-2 sm:grid-cols-2">
          {links.map((item) => (
            <li key={item.href}>
              <Link className="text-brand-700 underline underline-offset-2 hover:text-brand-900" href={item.href}>
                {t(`nav.${item.labelKey}`)}
              </Link>
              <span className="block text-sm text-slate-600">{t(`home.linkHint.${item.labelKey}`)}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}
