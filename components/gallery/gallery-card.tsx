import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { GalleryCard as Card } from "@/lib/gallery/list-gallery";
import { affairName } from "@/lib/reference/affairs";

/** One innovation in the gallery: name, agency, stage and its short summary; samples say so. */
export async function GalleryCard({ item }: { item: Card }) {
  const t = await getTranslations();
  return (
    <li className="flex">
      <article
        className="flex w-full min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        data-testid="gallery-card"
      >
        <div className="mb-2 flex flex-wrap gap-1">
          <Badge tone="brand">{t(`vocab.stage.${item.stage}`)}</Badge>
          {item.isSample && (
            <Badge tone="warning" title={t("gallery.sampleHint")}>
              {t("gallery.sample")}
            </Badge>
          )}
        </div>
        <h2 className="text-lg font-semibold leading-snug text-slate-900">
          <Link
            href={`/inovasi/${item.slug}`}
            className="underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-brand-600"
          >
            {item.name}
          </Link>
        </h2>
        <p className="mt-1 text-sm text-slate-700">{item.agencyName}</p>
        {item.summary && <p className="mt-2 line-clamp-3 text-sm text-slate-800">{item.summary}</p>}
        <p className="mt-auto pt-3 text-xs text-slate-600">
          {item.urusan ? `${affairName(item.urusan)} · ` : ""}
          {t("gallery.applied", { year: item.yearApplied })}
        </p>
      </article>
    </li>
  );
}
