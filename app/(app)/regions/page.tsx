import { getTranslations } from "next-intl/server";
import { RegionTable } from "@/components/regions/region-table";
import { YearForm } from "@/components/regions/year-form";
import { pageContext } from "@/lib/auth/request-context";
import { regionSummary } from "@/lib/regions/summary";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("regions"))("title") };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Province and national users: the regions in their reach side by side for a year. */
export default async function RegionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await pageContext("region.summary.read");
  const params = await searchParams;
  // A year or province that is not one is left out: the page opens on the default instead. Only a
  // national user chooses a province; a province user's is their own.
  const year = one(params.year);
  const province = one(params.province);
  const input = {
    ...(year && /^\d{4}$/.test(year) ? { year } : {}),
    ...(province && /^\d{2}$/.test(province) && ctx.actor!.role === "national" ? { province } : {}),
  };
  const [t, summary] = await Promise.all([getTranslations("regions"), regionSummary({ ctx, input })]);
  return (
    <div className="min-w-0 space-y-4">
      <div className="min-w-0">
        <h1 className="text-2xl font-bold text-slate-900">{t("title")}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">
          {summary.provinceName ? t("introProvince", { province: summary.provinceName }) : t("introNational")}
        </p>
      </div>
      <YearForm
        year={summary.year}
        years={summary.years}
        province={input.province}
        provinces={ctx.actor!.role === "national" ? summary.provinces : []}
      />
      {summary.regions.length === 0 ? (
        <p className="text-slate-700" data-testid="region-empty">
          {t("empty")}
        </p>
      ) : (
        <RegionTable summary={summary} />
      )}
      <p className="max-w-3xl text-sm text-slate-600">{t("suppressed")}</p>
    </div>
  );
}
