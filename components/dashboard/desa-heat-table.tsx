"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useMemo, useState } from "react";
import { Table, Td, Th } from "@/components/ui/table";

export interface DesaRow {
  code: string;
  name: string;
  kecamatanCode: string;
  kecamatanName: string;
  residents: number;
  records: number;
}

type SortKey = "name" | "residents" | "records";

/**
 * Every desa, grouped by kecamatan, shaded by residents reached (darker = more); the desa no
 * innovation reached stand out as blank rows. Sorting works within each kecamatan.
 */
export function DesaHeatTable({ rows, caption }: { rows: DesaRow[]; caption: string }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: "name", desc: false });
  const max = Math.max(1, ...rows.map((r) => r.residents));
  const groups = useMemo(() => {
    const byKec = new Map<string, DesaRow[]>();
    for (const r of rows) byKec.set(r.kecamatanCode, [...(byKec.get(r.kecamatanCode) ?? []), r]);
    const compare = (a: DesaRow, b: DesaRow) => {
      const d = sort.key === "name" ? a.name.localeCompare(b.name, "id") : a[sort.key] - b[sort.key];
      return sort.desc ? -d : d;
    };
    return [...byKec.entries()].map(([code, list]) => ({
      code,
      name: list[0].kecamatanName,
      list: [...list].sort(compare),
    }));
  }, [rows, sort]);
  const header = (key: SortKey, label: string, right = false) => (
    <Th
      className={right ? "text-right" : undefined}
      aria-sort={sort.key === key ? (sort.desc ? "descending" : "ascending") : "none"}
    >
      <button
        type="button"
        className="underline-offset-2 hover:underline"
        onClick={() => setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== "name" }))}
      >
        {label}
        {sort.key === key ? (sort.desc ? " ↓" : " ↑") : ""}
      </button>
    </Th>
  );
  return (
    <div className="max-h-[32rem] overflow-y-auto print:max-h-none" data-testid="desa-heat-table">
      <Table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {header("name", t("col.desa"))}
            {header("residents", t("col.residents"), true)}
            {header("records", t("col.records"), true)}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.code}>
            <tr>
              <th
                colSpan={3}
                scope="colgroup"
                className="bg-slate-100 px-3 py-1 text-left text-sm font-semibold text-slate-800"
              >
                {g.name}
              </th>
            </tr>
            {g.list.map((r) => (
              <tr key={r.code} data-zero={r.residents === 0 ? "" : undefined}>
                <Td>
                  {r.name}
                  {r.residents === 0 && <span className="ml-2 text-xs text-amber-800">—</span>}
                </Td>
                <Td
                  className="text-right tabular-nums"
                  style={{
                    backgroundColor: `rgba(23, 100, 58, ${(0.08 + (0.6 * r.residents) / max).toFixed(2)})`,
                    color: r.residents / max > 0.6 ? "white" : undefined,
                  }}
                >
                  {format.number(r.residents)}
                </Td>
                <Td className="text-right tabular-nums">{format.number(r.records)}</Td>
              </tr>
            ))}
          </tbody>
        ))}
      </Table>
    </div>
  );
}
