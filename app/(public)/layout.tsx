import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PublicHeader } from "@/components/gallery/public-header";
import { cachedRegionName } from "@/lib/gallery/cached";
import { siteOrigin } from "./site-origin";

/** Absolute addresses for the link previews of every public page (the images are files of their own). */
export async function generateMetadata(): Promise<Metadata> {
  return { metadataBase: await siteOrigin() };
}

/** The public pages' own light layout: no app navigation, no user. */
export default async function PublicLayout({ children }: { children: React.ReactNode }) {
  const [region, t] = await Promise.all([cachedRegionName(), getTranslations("gallery")]);
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skip")}
      </a>
      <PublicHeader region={region} />
      <main id="main" className="mx-auto w-full min-w-0 max-w-6xl flex-1 px-3 py-6 sm:px-6">
        {children}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <p className="mx-auto max-w-6xl px-3 py-4 text-xs text-slate-600 sm:px-6">{t("footer", { region })}</p>
      </footer>
    </div>
  );
}
