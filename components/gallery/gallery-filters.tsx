import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { GalleryList } from "@/lib/gallery/list-gallery";
import { affairName } from "@/lib/reference/affairs";

const field =
  "min-h-10 w-full rounded-md border border-slate-300 bg-white px-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600";

/**
 * Search and filters as a plain GET form: the query lives in the URL (shareable, works without
 * JavaScript), and the form posts to the address it is on ("/" or "/galeri").
 */
export async function GalleryFilters({ list }: { list: GalleryList }) {
  const t = await getTranslations();
  const { query, options } = list;
  const filtered = !!(query.q || query.urusan || query.agency || query.stage);
  return (
    <form
      method="get"
      role="search"
      aria-label={t("gallery.filters")}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_1fr_auto] lg:items-end"
    >
      <label className="block text-sm font-medium text-slate-800">
        {t("gallery.search")}
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder={t("gallery.searchPlaceholder")}
          className={`${field} mt-1`}
          maxLength={100}
        />
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {t("gallery.urusan")}
        <select name="urusan" defaultValue={query.urusan ?? ""} className={`${field} mt-1`}>
          <option value="">{t("gallery.all")}</option>
          {options.urusan.map((u) => (
            <option key={u} value={u}>
              {affairName(u)}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {t("gallery.agency")}
        <select name="agency" defaultValue={query.agency ?? ""} className={`${field} mt-1`}>
          <option value="">{t("gallery.all")}</option>
          {options.agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="block text-sm font-medium text-slate-800">
        {t("gallery.stage")}
        <select name="stage" defaultValue={query.stage ?? ""} className={`${field} mt-1`}>
          <option value="">{t("gallery.all")}</option>
          {options.stages.map((s) => (
            <option key={s} value={s}>
              {t(`vocab.stage.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-center gap-3">
        <button
          type="submit"
          className="min-h-10 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {t("gallery.apply")}
        </button>
        {filtered && (
          <Link href="?" className="text-sm text-brand-700 underline underline-offset-2">
            {t("gallery.reset")}
          </Link>
        )}
      </div>
    </form>
  );
}
