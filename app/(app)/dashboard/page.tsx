import { getLocale, getTranslations } from "next-intl/server";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { FilterBar } from "@/components/dashboard/filter-bar";
import { Alert } from "@/components/ui/alert";
import { dashboardSummary } from "@/lib/analytics/dashboard";
import { dashboardOptions } from "@/lib/analytics/options";
import { pageContext } from "@/lib/auth/request-context";
import { ValidationError } from "@/lib/errors";
import type { Locale } from "@/i18n/locales";
import { translateIssues } from "@/lib/http/errors-i18n";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

type Search = Record<string, string | string[] | undefined>;

/** The leaders' dashboard: every chart for the filters in the URL, computed per request from the facts. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await pageContext("impact.read");
  const raw = await searchParams;
  const input = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const [t, locale, options] = await Promise.all([getTranslations(), getLocale(), dashboardOptions({ ctx })]);
  let summary = null;
  let errors: string[] = [];
  try {
    summary = await dashboardSummary({ ctx, input });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    errors = translateIssues(e.issues, locale as Locale, (key, params) => t(key, params)).map((f) => f.message);
  }
  const years = summary?.years ?? [];
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">{t("dashboard.title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700 print:hidden" data-testid="role-intro">
          {t("dashboard.intro")}
        </p>
      </div>
      <FilterBar options={{ ...options, years }} />
      {errors.length > 0 && (
        <Alert tone="error">
          {errors.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </Alert>
      )}
      {summary && <DashboardView summary={summary} options={options} />}
    </div>
  );
}
