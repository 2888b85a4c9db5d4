import { getFormatter, getTranslations } from "next-intl/server";
import type { PublicIgaResult } from "@/lib/gallery/iga-history";

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** The regency's IGA results per year, each with its source (a decree number or a link). */
export async function IgaHistory({ rows, region }: { rows: PublicIgaResult[]; region: string }) {
  const [t, format] = await Promise.all([getTranslations("gallery"), getFormatter()]);
  const dash = "—";
  return (
    <section aria-labelledby="iga-history" className="space-y-2">
      <h2 id="iga-history" className="text-xl font-semibold text-slate-900">
        {t("igaTitle")}
      </h2>
      <p className="max-w-3xl text-sm text-slate-700">{t("igaIntro", { region })}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-700">{t("igaEmpty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full min-w-[36rem] text-left text-sm" data-testid="iga-history">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t("igaYear")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("igaNational")}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t("igaProvince")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("igaCategory")}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t("igaSource")}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year} className="border-t border-slate-100 align-top">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    {r.year}
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {r.nationalRank === null ? dash : format.number(r.nationalRank)}
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {r.provinceRank === null ? dash : format.number(r.provinceRank)}
                  </td>
                  <td className="px-3 py-2">
                    {r.category ?? dash}
                    {r.award && <span className="block text-xs text-slate-600">{r.award}</span>}
                  </td>
                  <td className="max-w-xs break-words px-3 py-2 text-xs text-slate-700">
                    {!r.source ? (
                      dash
                    ) : isUrl(r.source) ? (
                      <a href={r.source} rel="noopener noreferrer" className="text-brand-700 underline">
                        {r.source}
                      </a>
                    ) : (
                      r.source
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
