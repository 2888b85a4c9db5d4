import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pathYear } from "@/app/api/v1/iga/request";
import { FrameworkEditor } from "@/components/iga/framework-editor";
import { Alert } from "@/components/ui/alert";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { getFramework, listFrameworks } from "@/lib/iga/frameworks";

export const dynamic = "force-dynamic";

export default async function FrameworkEditPage({ params }: { params: Promise<{ year: string }> }) {
  const ctx = await pageContext("iga.framework.manage");
  const [{ year: raw }, t] = await Promise.all([params, getTranslations("iga.frameworks")]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const [framework, frameworks] = await Promise.all([orNotFound(() => getFramework({ ctx, year })), listFrameworks({ ctx })]);
  const used = frameworks.find((f) => f.year === year)?.assessments ?? 0;
  return (
    <div className="space-y-4">
      <nav className="text-sm">
        <Link className="text-brand-700 underline" href="/iga/frameworks">
          {t("title")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold">{t("editTitle", { year })}</h1>
      {used > 0 && <Alert tone="warning">{t("inUse", { n: used })}</Alert>}
      <FrameworkEditor
        initial={{ year, version: framework.version, name: framework.name, indicators: framework.indicators, categories: framework.categories, formula: framework.formula }}
      />
    </div>
  );
}
