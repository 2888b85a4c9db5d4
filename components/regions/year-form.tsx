import { getTranslations } from "next-intl/server";

/** The year in the URL (?year=…): a plain GET form, so it works before any script has loaded. */
export async function YearForm({ year, years, province }: { year: number; years: number[]; province?: string }) {
  const t = await getTranslations("regions");
  const choices = years.includes(year) ? years : [year, ...years];
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" data-testid="region-year-form">
      {province && <input type="hidden" name="province" value={province} />}
      <label className="text-sm font-medium text-slate-800">
        {t("year")}
        <select
          name="year"
          defaultValue={year}
          className="mt-1 block min-h-10 rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          {choices.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="min-h-10 rounded-md bg-brand-700 px-3 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {t("show")}
      </button>
    </form>
  );
}
