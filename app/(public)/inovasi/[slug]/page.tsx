import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { IgaHistory } from "@/components/gallery/iga-history";
import { PublicCountText } from "@/components/gallery/public-count";
import { Badge } from "@/components/ui/badge";
import { cachedGalleryInnovation, cachedIgaHistory, cachedRegionName } from "@/lib/gallery/cached";
import { SUPPRESSION_THRESHOLD } from "@/lib/gallery/suppress";
import { affairName } from "@/lib/reference/affairs";
import { siteOrigin } from "../../site-origin";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params;
  const [innovation, region, origin] = await Promise.all([
    cachedGalleryInnovation(slug),
    cachedRegionName(),
    siteOrigin(),
  ]);
  if (!innovation) return {};
  const title = innovation.name;
  const description = innovation.summary ?? `${innovation.agencyName} · ${region}`;
  const url = `/inovasi/${innovation.slug}`;
  // The Open Graph image is this folder's opengraph-image.tsx; Next adds its og:image tags itself.
  return {
    metadataBase: origin,
    title,
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", title, description, url, siteName: region, modifiedTime: innovation.updatedAt },
    twitter: { card: "summary_large_image", title, description },
  };
}

function Story({ title, text }: { title: string; text: string | null }) {
  if (!text) return null;
  return (
    <section className="space-y-1">
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {text.split(/\n+/).map((p, i) => (
        <p key={i} className="text-slate-800">
          {p}
        </p>
      ))}
    </section>
  );
}

/** One public innovation: its story, its facts, its suppressed reach, and the regency's IGA history. */
export default async function PublicInnovationPage({ params }: { params: Params }) {
  const { slug } = await params;
  const [i, iga, region, t, format] = await Promise.all([
    cachedGalleryInnovation(slug),
    cachedIgaHistory(),
    cachedRegionName(),
    getTranslations(),
    getFormatter(),
  ]);
  if (!i) notFound();
  const date = (d: string | null) =>
    d ? format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) : null;
  const facts: [string, string | null][] = [
    [t("gallery.agencyLabel"), i.agencyName],
    [t("gallery.stageLabel"), t(`vocab.stage.${i.stage}`)],
    [t("gallery.urusanLabel"), i.urusan ? affairName(i.urusan) : null],
    [t("gallery.otherUrusanLabel"), i.otherUrusan.length ? i.otherUrusan.map(affairName).join("; ") : null],
    [t("gallery.trialLabel"), date(i.trialDate)],
    [t("gallery.appliedLabel"), date(i.implementationDate)],
    [t("gallery.yearLabel"), String(i.yearApplied)],
  ];
  const reached = i.reach.residents !== "<10" || i.reach.records !== "<10" || i.reach.years.length > 0;
  return (
    <article className="space-y-8">
      <nav className="text-sm">
        <Link href="/galeri" className="text-brand-700 underline underline-offset-2">
          ← {t("gallery.back")}
        </Link>
      </nav>
      <header className="space-y-2">
        <div className="flex flex-wrap gap-1">
          <Badge tone="brand">{t(`vocab.stage.${i.stage}`)}</Badge>
          {i.isSample && <Badge tone="warning">{t("gallery.sample")}</Badge>}
        </div>
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{i.name}</h1>
        <p className="text-slate-700">{i.agencyName}</p>
        {i.summary && <p className="max-w-3xl text-lg text-slate-800">{i.summary}</p>}
        {i.isSample && <p className="text-sm text-amber-900">{t("gallery.sampleHint")}</p>}
      </header>

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Story title={t("gallery.problem")} text={i.problem} />
          <Story title={t("gallery.goals")} text={i.goals} />
          <Story title={t("gallery.benefits")} text={i.benefits} />
          <Story title={t("gallery.results")} text={i.results} />
          {i.photos.length > 0 && (
            <section aria-labelledby="photos" className="space-y-2" data-testid="public-photos">
              <h2 id="photos" className="text-lg font-semibold text-slate-900">
                {t("gallery.photos.title")}
              </h2>
              <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
                {i.photos.map((photo) => (
                  <li key={photo.id}>
                    <figure className="overflow-hidden rounded-lg border border-slate-200 bg-white">
                      {/* eslint-disable-next-line @next/next/no-img-element -- already sized and stripped on publication */}
                      <img
                        src={photo.src}
                        alt={photo.caption ?? t("gallery.photos.alt", { name: i.name })}
                        loading="lazy"
                        decoding="async"
                        className="aspect-[4/3] w-full object-cover"
                      />
                      {photo.caption && <figcaption className="p-2 text-sm text-slate-700">{photo.caption}</figcaption>}
                    </figure>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {i.design && (
            <details className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold text-slate-900">{t("gallery.designMore")}</summary>
              <div className="mt-3 space-y-2">
                {i.design.split(/\n+/).map((p, k) => (
                  <p key={k} className="text-slate-800">
                    {p}
                  </p>
                ))}
              </div>
            </details>
          )}
        </div>
        <aside className="min-w-0 space-y-3">
          <h2 className="text-lg font-semibold text-slate-900">{t("gallery.facts")}</h2>
          <dl className="space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
            {facts
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k}>
                  <dt className="text-slate-600">{k}</dt>
                  <dd className="font-medium text-slate-900">{v}</dd>
                </div>
              ))}
          </dl>
        </aside>
      </div>

      <section aria-labelledby="reach" className="space-y-3" data-testid="public-reach">
        <h2 id="reach" className="text-xl font-semibold text-slate-900">
          {t("gallery.reachTitle")}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t("gallery.reachIntro")}</p>
        {!reached ? (
          <p className="text-slate-700">{t("gallery.reachNone")}</p>
        ) : (
          <>
            <div className="grid grid-cols-2 gap-3 sm:max-w-lg">
              <div className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="text-sm text-slate-600">{t("gallery.residents")}</p>
                <p className="text-2xl font-bold tabular-nums text-brand-800" data-testid="reach-residents">
                  <PublicCountText value={i.reach.residents} />
                </p>
              </div>
              <div className="rounded-lg border border-slate-200 bg-white p-4">
                <p className="text-sm text-slate-600">{t("gallery.records")}</p>
                <p className="text-2xl font-bold tabular-nums text-brand-800" data-testid="reach-records">
                  <PublicCountText value={i.reach.records} />
                </p>
              </div>
            </div>
            {i.reach.years.length > 0 && (
              <p className="text-sm text-slate-700">{t("gallery.reachYears", { years: i.reach.years.join(", ") })}</p>
            )}
            <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white sm:max-w-2xl">
              <table className="w-full text-left text-sm" data-testid="reach-kecamatan">
                <caption className="px-3 pt-2 text-left font-semibold text-slate-900">
                  {t("gallery.byKecamatan")}
                </caption>
                <thead className="text-slate-700">
                  <tr>
                    <th scope="col" className="px-3 py-2">
                      {t("gallery.kecamatan")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {t("gallery.residents")}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right">
                      {t("gallery.records")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {i.reach.byKecamatan.map((k) => (
                    <tr key={k.code} className="border-t border-slate-100">
                      <th scope="row" className="px-3 py-2 font-normal">
                        {k.name}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">
                        <PublicCountText value={k.residents} />
                      </td>
                      <td className="px-3 py-2 text-right tabular-nums">
                        <PublicCountText value={k.records} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {i.reach.byKecamatan.some((k) => k.residents === "hidden" || k.records === "hidden") && (
              <p className="max-w-3xl text-xs text-slate-600">{t("gallery.hiddenNote")}</p>
            )}
          </>
        )}
        <p className="max-w-3xl text-xs text-slate-600">{t("gallery.suppression", { n: SUPPRESSION_THRESHOLD })}</p>
      </section>

      <IgaHistory rows={iga} region={region} />
    </article>
  );
}
