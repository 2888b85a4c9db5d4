"use client";

import { useFormatter } from "next-intl";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";

/*
 * The impact charts. Each is drawn as an image for sighted users (role="img" with a label); the
 * same numbers are always available as a table next to it (see ./chart-card.tsx), which is what
 * screen readers and keyboard users read. Recharts' own keyboard layer is off: focusable content
 * inside role="img" would be hidden from assistive technology anyway.
 */

export interface Series {
  key: string;
  label: string;
  color: string;
}

type Row = Record<string, string | number | null>;

interface CommonProps {
  data: Row[];
  categoryKey: string;
  series: Series[];
  label: string;
  height?: number;
  /** The value axis' title with its unit ("Warga", "Layanan", "Rupiah"). */
  valueTitle?: string;
}

const AXIS_TITLE = { fontSize: 12, fill: "#475569" };

/**
 * Height of one bar's row when categories are listed down the side: the 150 px label column wraps
 * a long name ("Dinas Kependudukan dan Pencatatan Sipil") at about 12 characters a line, 13 px each,
 * and two such names must not run into each other.
 */
function rowHeight(data: Row[], categoryKey: string) {
  const longest = Math.max(0, ...data.map((row) => String(row[categoryKey] ?? "").length));
  return Math.max(34, Math.ceil(longest / 12) * 13 + 14);
}

function useNumber() {
  const format = useFormatter();
  return (v: unknown) => (typeof v === "number" ? format.number(v) : String(v ?? ""));
}

/** Bars per category; `layout="vertical"` lists categories down the side (long names, many rows). */
export function BarsChart({
  data,
  categoryKey,
  series,
  label,
  height,
  layout = "horizontal",
  stacked = false,
  hrefKey,
  valueTitle,
}: CommonProps & {
  layout?: "horizontal" | "vertical";
  stacked?: boolean;
  /** A click on a bar opens the row's link (a drill-down); the table carries the same links. */ hrefKey?: string;
}) {
  const number = useNumber();
  const router = useRouter();
  const open = (row: unknown) => {
    const href = hrefKey ? (row as { payload?: Row })?.payload?.[hrefKey] : null;
    if (typeof href === "string") router.push(href);
  };
  const vertical = layout === "vertical";
  const h = height ?? (vertical ? Math.max(160, data.length * rowHeight(data, categoryKey) + 60) : 280);
  return (
    <div role="img" aria-label={label} className="w-full">
      <BarChart
        responsive
        accessibilityLayer={false}
        data={data}
        layout={layout}
        style={{ width: "100%", height: h }}
        margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 8 : 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {vertical ? (
          <>
            <XAxis
              type="number"
              tickFormatter={number}
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              label={
                valueTitle ? { value: valueTitle, position: "insideBottom", offset: -4, style: AXIS_TITLE } : undefined
              }
              height={valueTitle ? 40 : 30}
            />
            <YAxis type="category" dataKey={categoryKey} width={150} tick={{ fontSize: 12 }} interval={0} />
          </>
        ) : (
          <>
            <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} />
            <YAxis
              tickFormatter={number}
              allowDecimals={false}
              tick={{ fontSize: 12 }}
              width={valueTitle ? 64 : 48}
              label={
                valueTitle
                  ? {
                      value: valueTitle,
                      angle: -90,
                      position: "insideLeft",
                      style: { ...AXIS_TITLE, textAnchor: "middle" },
                    }
                  : undefined
              }
            />
          </>
        )}
        <Tooltip formatter={(v) => number(v)} />
        {series.length > 1 && <Legend wrapperStyle={vertical && valueTitle ? { paddingTop: 8 } : undefined} />}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            fill={s.color}
            stackId={stacked ? "stack" : undefined}
            isAnimationActive={false}
            cursor={hrefKey ? "pointer" : undefined}
            onClick={hrefKey ? open : undefined}
          />
        ))}
      </BarChart>
    </div>
  );
}

/** Lines over an ordered category (months): straight segments, since counts between months are not a curve. */
export function LinesChart({ data, categoryKey, series, label, height = 280, valueTitle }: CommonProps) {
  const number = useNumber();
  return (
    <div role="img" aria-label={label} className="w-full">
      <LineChart
        responsive
        accessibilityLayer={false}
        data={data}
        style={{ width: "100%", height }}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis dataKey={categoryKey} tick={{ fontSize: 12 }} minTickGap={16} />
        <YAxis
          tickFormatter={number}
          allowDecimals={false}
          tick={{ fontSize: 12 }}
          width={valueTitle ? 64 : 48}
          label={
            valueTitle
              ? {
                  value: valueTitle,
                  angle: -90,
                  position: "insideLeft",
                  style: { ...AXIS_TITLE, textAnchor: "middle" },
                }
              : undefined
          }
        />
        <Tooltip formatter={(v) => number(v)} />
        {series.length > 1 && <Legend />}
        {series.map((s) => (
          <Line
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={2}
            dot={data.length <= 24}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
