import { getLocale, getTranslations } from "next-intl/server";
import { setLocale } from "@/app/actions";
import { LOCALES } from "@/i18n/locales";
import { cn } from "@/lib/cn";

/** Two small buttons (ID / EN); works without JavaScript. */
export async function LanguageSwitch({ className }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("nav")]);
  return (
    <form action={setLocale} className={cn("flex items-center gap-1", className)} aria-label={t("language")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="submit"
          name="locale"
          value={l}
          aria-pressed={l === locale}
          lang={l}
          className={cn(
            "min-h-9 rounded px-2 text-xs font-semibold uppercase focus-visible:outline-2 focus-visible:outline-brand-600",
            l === locale ? "bg-brand-700 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          <span className="sr-only">{t(`languageName.${l}`)}</span>
          <span aria-hidden>{l}</span>
        </button>
      ))}
    </form>
  );
}
