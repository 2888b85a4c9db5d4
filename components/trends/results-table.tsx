import { getFormatter, getTranslations } from "next-intl/server";
import { Table, Td, Th } from "@/components/ui/table";
import type { IgaResult } from "@/lib/trends/iga-results";
import { SourceCell } from "./source-cell";

/** The regency's results, one row per year; an unknown value shows as "—", never a guess. */
export async function ResultsTable({ results }: { results: IgaResult[] }) {
  const [t, format] = await Promise.all([getTranslations("trends"), getFormatter()]);
  const empty = t("empty");
  const n = (v: number | null, digits = 0) =>
    v === null ? empty : format.number(v, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  if (results.length === 0) return <p className="text-slate-700">{t("noResults")}</p>;
  return (
    <Table data-testid="results-table">
      <caption className="sr-only">{t("resultsTitle")}</caption>
      <thead>
        <tr>
          <Th>{t("col.year")}</Th>
          <Th className="text-right">{t("col.nationalRank")}</Th>
          <Th className="text-right">{t("col.provinceRank")}</Th>
          <Th className="text-right">{t("col.index")}</Th>
          <Th>{t("col.category")}</Th>
          <Th className="text-right">{t("col.innovations")}</Th>
          <Th className="min-w-40">{t("col.award")}</Th>
          <Th className="min-w-48">{t("col.source")}</Th>
        </tr>
      </thead>
      <tbody>
        {results.map((r) => (
          <tr key={r.year} data-testid={`result-${r.year}`}>
            <Th scope="row" className="border-b border-slate-100 bg-transparent align-top">
              {r.year}
            </Th>
            <Td className="text-right tabular-nums" data-testid={`national-${r.year}`}>
              {n(r.nationalRank)}
            </Td>
            <Td className="text-right tabular-nums">{n(r.provinceRank)}</Td>
            <Td className="text-right tabular-nums">{n(r.index, 2)}</Td>
            <Td>{r.category ?? empty}</Td>
            <Td className="text-right tabular-nums">{n(r.innovationsReported)}</Td>
            <Td>{r.award ?? empty}</Td>
            <Td data-testid={`source-${r.year}`}>
              <SourceCell source={r.source} empty={empty} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
