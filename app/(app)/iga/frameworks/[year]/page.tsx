import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pathYear } from "@/app/api/v1/iga/request";
import { FrameworkEditor } from "@/components/iga/framework-editor";
import { FrameworkSources } from "@/components/iga/framework-sources";
import { Alert } from "@/components/ui/alert";
import { can } from "@/lib/auth/context";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { getFramework, listFrameworks } from "@/lib/iga/frameworks";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  return { title: (await getTranslations("igaYears"))("title", { year: (await params).year }) };
}

/** A year's rules: every reader sees its parameters, sources and assumptions; an admin edits them. */
export default async function FrameworkEditPage({ params }: { params: Promise<{ year: string }> }) {
  const ctx = await pageContext("iga.read");
  const [{ year: raw }, t, tYears] = await Promise.all([
    params,
    getTranslations("iga.frameworks"),
    getTranslations("igaYears.frameworks"),
  ]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const [framework, frameworks] = await Promise.all([
    orNotFound(() => getFramework({ ctx, year })),
    listFrameworks({ ctx }),
  ]);
  const used = frameworks.find((f) => f.year === year)?.assessments ?? 0;
  const manage = can(ctx, "iga.framework.manage");
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link className="text-brand-700 underline" href={manage ? "/iga/frameworks" : `/iga/${year}`}>
          {manage ? t("title") : tYears("backToIndex", { year })}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{manage ? t("editTitle", { year }) : tYears("title", { year })}</h1>
      <p className="text-slate-700">{framework.name}</p>
      <FrameworkSources
        year={year}
        sources={framework.sources}
        parameterStatus={framework.parameterStatus}
        formula={framework.formula}
      />
      {manage && used > 0 && <Alert tone="warning">{t("inUse", { n: used })}</Alert>}
      {manage && (
        <FrameworkEditor
          initial={{
            year,
            version: framework.version,
            name: framework.name,
            indicators: framework.indicators,
            categories: framework.categories,
            formula: framework.formula,
            sources: framework.sources,
            parameterStatus: framework.parameterStatus,
          }}
        />
      )}
    </div>
  );
}
