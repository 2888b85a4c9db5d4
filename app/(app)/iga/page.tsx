import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/context";
import { pageContext } from "@/lib/auth/request-context";
import { activeYear, listFrameworks } from "@/lib/iga/frameworks";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("iga"))("listTitle") };
}

/** Opens the latest active year; without one, lists the years there are. */
export default async function IgaIndexPage() {
  const ctx = await pageContext("iga.read");
  const year = await activeYear(ctx.db);
  if (year !== undefined) redirect(`/iga/${year}`);
  const [frameworks, t] = await Promise.all([listFrameworks({ ctx }), getTranslations("iga")]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("listTitle")}</h1>
      {frameworks.length === 0 ? (
        <p className="text-slate-700">{t("noFramework")}</p>
      ) : (
        <ul className="space-y-2">
          {frameworks.map((f) => (
            <li key={f.year} className="flex items-center gap-2">
              <Link className="text-brand-700 underline" href={`/iga/${f.year}`}>
                {f.year} — {f.name}
              </Link>
              <Badge tone={f.status === "active" ? "success" : "warning"}>{t(f.status)}</Badge>
            </li>
          ))}
        </ul>
      )}
      {can(ctx, "iga.framework.manage") && (
        <Link className="text-brand-700 underline" href="/iga/frameworks">
          {t("frameworksLink")}
        </Link>
      )}
    </div>
  );
}
