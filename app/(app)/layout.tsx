import { LogOut } from "lucide-react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { MobileMenu } from "@/components/shell/mobile-menu";
import { NavLinks } from "@/components/shell/nav-links";
import { getRequestContext } from "@/lib/auth/request-context";
import { navFor } from "@/lib/navigation";

/** The signed-in shell: header, navigation for the user's role, and the page. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await getRequestContext();
  // A session cookie that no longer holds (signed out elsewhere, expired): "/" shows the public
  // gallery as it does without a cookie (proxy.ts), other pages ask to sign in.
  if (!ctx.actor) redirect((await headers()).get("x-pathname") === "/" ? "/galeri" : "/login");
  const t = await getTranslations();
  const links = navFor(ctx).map((item) => ({ href: item.href, icon: item.icon, label: t(`nav.${item.labelKey}`) }));
  const menuLabels = { open: t("nav.openMenu"), close: t("nav.closeMenu"), title: t("nav.title") };
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skip")}
      </a>
      <header className="sticky top-0 z-30 border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center gap-2 px-3 sm:px-6">
          <MobileMenu links={links} labels={menuLabels} />
          <span className="truncate font-semibold text-brand-800">{t("app.name")}</span>
          <div className="ml-auto flex items-center gap-2">
            <LanguageSwitch />
            <span
              className="hidden text-right text-xs leading-tight text-slate-700 sm:block"
              data-testid="current-user"
            >
              {ctx.actor.name}
              <br />
              <span className="text-slate-600">{t(`roles.${ctx.actor.role}`)}</span>
            </span>
            <form action={signOutAction}>
              <button
                type="submit"
                className="inline-flex min-h-9 items-center gap-1 rounded-md px-2 text-sm text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-600"
              >
                <LogOut aria-hidden className="size-4" />
                <span className="hidden sm:inline">{t("nav.signOut")}</span>
                <span className="sr-only sm:hidden">{t("nav.signOut")}</span>
              </button>
            </form>
          </div>
        </div>
      </header>
      <div className="flex">
        <nav
          aria-label={t("nav.title")}
          className="hidden min-h-[calc(100vh-3.5rem)] w-60 shrink-0 border-r border-slate-200 bg-white p-3 lg:block"
          data-testid="main-nav"
        >
          <NavLinks links={links} />
        </nav>
        <main id="main" className="min-w-0 flex-1 p-3 sm:p-6">
          {/* The app's pages use every feature's messages in their client components. */}
          <NextIntlClientProvider>{children}</NextIntlClientProvider>
        </main>
      </div>
    </div>
  );
}
