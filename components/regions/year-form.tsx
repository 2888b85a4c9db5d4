import { getTranslations } from "next-intl/server";

interface Props {
  year: number;
  years: number[];
  /** The province asked for (a national user's choice). */
  province?: string;
  /** A national user's provinces to choose from; none for a province user (theirs is fixed). */
  provinces: { code: string; name: string }[];
}

const selectClass = "mt-1 block min-h-10 max-w-full rounded-md border border-slate-300 bg-white px-2 text-sm";

/** The year (and a national user's province) in the URL: a plain GET form, so it works before any script has loaded. */
export async function YearForm({ year, years, province, provinces }: Props) {
  const t = await getTranslations("regions");
  const choices = years.includes(year) ? years : [year, ...years];
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" data-testid="region-year-form">
      <label className="text-sm font-medium text-slate-800">
        {t("year")}
        <select name="year" defaultValue={year} className={selectClass}>
          {choices.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {provinces.length > 0 && (
        <label className="min-w-0 text-sm font-medium text-slate-800">
          {t("province")}
          <select name="province" defaultValue={province ?? ""} className={selectClass}>
            <option value="">{t("allProvinces")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="submit"
        className="min-h-10 rounded-md bg-brand-700 px-3 text-sm font-medium text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        {t("show")}
      </button>
    </form>
  );
}
