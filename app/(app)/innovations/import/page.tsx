import { Download } from "lucide-react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { pageContext } from "@/lib/auth/request-context";
import { ImportWorkbench } from "./import-workbench";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("innovationImport"))("title") };
}

const STEPS = ["download", "fill", "check", "import"] as const;

/** Bulk import: download the template, check a filled file (dry run), then import it. */
export default async function ImportInnovationsPage() {
  await pageContext("innovation.write");
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <div className="max-w-6xl space-y-6">
      <nav aria-label={t("innovationImport.breadcrumb")} className="text-sm">
        <Link href="/innovations" className="text-brand-800 underline underline-offset-2 hover:text-brand-900">
          {t("nav.innovations")}
        </Link>
        <span aria-hidden className="px-1 text-slate-500">
          /
        </span>
        <span aria-current="page">{t("innovationImport.title")}</span>
      </nav>
      <h1 className="text-2xl font-bold">{t("innovationImport.title")}</h1>
      <p className="max-w-3xl text-slate-700">{t("innovationImport.intro")}</p>
      <Card>
        <CardTitle>{t("innovationImport.steps.title")}</CardTitle>
        <ol className="mb-4 list-decimal space-y-1 pl-5 text-sm text-slate-800">
          {STEPS.map((step) => (
            <li key={step}>{t(`innovationImport.steps.${step}`)}</li>
          ))}
        </ol>
        <div className="flex flex-wrap items-center gap-3">
          <Button asChild variant="secondary">
            {/* A plain link: the browser downloads the file with the session cookie, no script needed. */}
            <a href={`/api/v1/innovations/import/template?locale=${locale}`} download aria-describedby="template-hint">
              <Download aria-hidden className="size-4" />
              {t("innovationImport.downloadTemplate")}
            </a>
          </Button>
          <p id="template-hint" className="text-sm text-slate-600">
            {t("innovationImport.templateHint")}
          </p>
        </div>
      </Card>
      <ImportWorkbench />
    </div>
  );
}
