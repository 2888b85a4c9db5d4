import type { ReactNode } from "react";
import { CsvButton } from "@/components/dashboard/csv-button";
import { Table, Td, Th } from "@/components/ui/table";

/**
 * A titled chart with its numbers as a table: the accessible fallback (and what a reader can copy).
 * The table sits in a disclosure so the page stays short; screen readers reach it like any other.
 * Plain markup, so server and client components can both use it.
 */
export function ChartCard({
  title,
  note,
  tableLabel,
  columns,
  rows,
  children,
  testId,
  csv,
}: {
  title: string;
  note?: string;
  tableLabel: string;
  columns: string[];
  rows: (string | number)[][];
  children: ReactNode;
  testId?: string;
  /** A "download CSV" link with the table's rows as they are (raw numbers in `csv.rows`). */
  csv?: { label: string; fileName: string; rows: (string | number)[][] };
}) {
  return (
    <figure className="min-w-0 rounded-lg border border-slate-200 bg-white p-4" data-testid={testId}>
      <figcaption className="mb-2">
        <span className="font-semibold text-slate-900">{title}</span>
        {note && <span className="block text-xs text-slate-600">{note}</span>}
      </figcaption>
      {children}
      {csv && (
        <div className="mt-2">
          <CsvButton label={csv.label} fileName={csv.fileName} columns={columns} rows={csv.rows} />
        </div>
      )}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-brand-700 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-brand-600">
          {tableLabel}
        </summary>
        <div className="mt-2 max-h-80 overflow-y-auto">
          <Table>
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                {columns.map((c, i) => (
                  <Th key={c} className={i > 0 ? "text-right" : undefined}>
                    {c}
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <Td key={i} className={i > 0 ? "text-right tabular-nums" : undefined}>
                      {cell}
                    </Td>
                  ))}
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </details>
    </figure>
  );
}
