import { LayoutDashboard, LogIn } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getRequestContext } from "@/lib/auth/request-context";

const linkClass =
  "inline-flex min-h-9 items-center gap-1 rounded-md px-2 text-sm font-medium text-brand-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600";

/**
 * The public pages' light header: the regency, the language switch and the way in for staff
 * ("Masuk"), or back to the app for someone signed in. Without a session cookie this reads nothing.
 */
export async function PublicHeader({ region }: { region: string }) {
  const [t, ctx] = await Promise.all([getTranslations(), getRequestContext()]);
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl items-center gap-2 px-3 py-2 sm:px-6">
        <Link href="/galeri" className="min-w-0 leading-tight focus-visible:outline-2 focus-visible:outline-brand-600">
          <span className="block truncate font-semibold text-brand-800">{region}</span>
          <span className="block truncate text-xs text-slate-600">{t("gallery.title")}</span>
        </Link>
        <div className="ml-auto flex shrink-0 items-center gap-1">
          <LanguageSwitch />
          {ctx.actor ? (
            <Link href="/" data-testid="gallery-open-app" className={linkClass}>
              <LayoutDashboard aria-hidden className="size-4" />
              {t("gallery.openApp")}
            </Link>
          ) : (
            <Link href="/login" data-testid="gallery-sign-in" className={linkClass}>
              <LogIn aria-hidden className="size-4" />
              {t("gallery.signIn")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
