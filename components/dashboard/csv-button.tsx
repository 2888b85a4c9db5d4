"use client";

import { Download } from "lucide-react";

/** CSV of exactly the rows a chart's table shows (RFC 4180 quoting, UTF-8 with BOM for Excel). */
export function toCsv(columns: string[], rows: (string | number)[][]): string {
  const cell = (v: string | number) =>
    typeof v === "number" ? String(v) : /[",;\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  return "\uFEFF" + [columns, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export function CsvButton({
  label,
  fileName,
  columns,
  rows,
}: {
  label: string;
  fileName: string;
  columns: string[];
  rows: (string | number)[][];
}) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  return (
    <button
      type="button"
      onClick={download}
      className="inline-flex items-center gap-1 text-sm text-brand-700 underline underline-offset-2 hover:text-brand-900 focus-visible:outline-2 focus-visible:outline-brand-600 print:hidden"
    >
      <Download aria-hidden className="size-4" />
      {label}
    </button>
  );
}
