import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";

/** Agency staff: their own agency's innovations (the default) or all of them, one click apart. */
export async function ScopeSwitch({ mine, ownAgencyId }: { mine: boolean; ownAgencyId: string }) {
  const t = await getTranslations("ux.scope");
  const item = (active: boolean) =>
    cn(
      "inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
      active ? "bg-brand-700 text-white" : "text-slate-800 hover:bg-slate-100",
    );
  return (
    <nav
      aria-label={t("label")}
      className="inline-flex gap-1 rounded-lg border border-slate-300 bg-white p-1"
      data-testid="scope-switch"
    >
      <Link
        href={`/innovations?agencyId=${ownAgencyId}`}
        className={item(mine)}
        aria-current={mine ? "page" : undefined}
      >
        {t("mine")}
      </Link>
      <Link href="/innovations?scope=all" className={item(!mine)} aria-current={!mine ? "page" : undefined}>
        {t("all")}
      </Link>
    </nav>
  );
}
