import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { GalleryCard } from "@/components/gallery/gallery-card";
import { GalleryFilters } from "@/components/gallery/gallery-filters";
import { IgaHistory } from "@/components/gallery/iga-history";
import { cachedGalleryList, cachedIgaHistory, cachedRegionName } from "@/lib/gallery/cached";
import { siteOrigin } from "../site-origin";

type Search = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const [region, t, origin] = await Promise.all([cachedRegionName(), getTranslations("gallery"), siteOrigin()]);
  const title = t("heading", { region });
  const description = t("metaDescription", { region });
  return {
    metadataBase: origin,
    title,
    description,
    alternates: { canonical: "/galeri" },
    openGraph: { type: "website", title, description, url: "/galeri", siteName: t("title") },
    twitter: { card: "summary", title, description },
  };
}

/** The query as plain strings (the first of repeated keys), for the cache key and the use case. */
function plain(search: Awaited<Search>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["q", "urusan", "agency", "stage", "page"]) {
    const v = search[key];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[key] = s.slice(0, 200);
  }
  return out;
}

/** The public gallery: what a visitor without an account sees at "/" (and at /galeri). */
export default async function GalleryPage({ searchParams }: { searchParams: Search }) {
  const query = plain(await searchParams);
  const [list, iga, region, t] = await Promise.all([
    cachedGalleryList(query),
    cachedIgaHistory(),
    cachedRegionName(),
    getTranslations("gallery"),
  ]);
  const pageHref = (page: number) => `?${new URLSearchParams({ ...query, page: String(page) })}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t("heading", { region })}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("intro", { region })}</p>
      </div>
      <GalleryFilters list={list} />
      <p className="text-sm font-medium text-slate-700" data-testid="gallery-count" aria-live="polite">
        {t("count", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {list.items.map((item) => (
            <GalleryCard key={item.slug} item={item} />
          ))}
        </ul>
      )}
      {list.pages > 1 && (
        <nav
          aria-label={t("pageOf", { page: list.query.page, pages: list.pages })}
          className="flex items-center justify-between gap-2 text-sm"
        >
          {list.query.page > 1 ? (
            <Link className="text-brand-700 underline" href={pageHref(list.query.page - 1)}>
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">{t("pageOf", { page: list.query.page, pages: list.pages })}</span>
          {list.query.page < list.pages ? (
            <Link className="text-brand-700 underline" href={pageHref(list.query.page + 1)}>
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      )}
      <IgaHistory rows={iga} region={region} />
    </div>
  );
}
