"use client";

import { useFormatter } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "@/components/impact/colors";
import { BAND_COLORS } from "./colors";
import { type ChartRow, type YearBands, yearSpan } from "@/lib/trends/series";

/**
 * The index over the years, each year drawn against its own rule set's category bands (they
 * moved: "Sangat Inovatif" starts above 60 in 2023–2024 and above 65 from 2025), with the current
 * year's estimate as a dashed projection.
 */
export function IndexChart({
  data,
  bands,
  label,
  indexAxis,
  yearAxis,
  indexLabel,
  projectionLabel,
}: {
  data: ChartRow[];
  bands: YearBands[];
  label: string;
  indexAxis: string;
  yearAxis: string;
  indexLabel: string;
  projectionLabel: string;
}) {
  const format = useFormatter();
  const number = (v: unknown) => (typeof v === "number" ? format.number(v, { maximumFractionDigits: 2 }) : "—");
  const years = yearSpan(data.map((d) => d.year));
  const domain: [number, number] = years.length ? [Math.min(...years) - 0.5, Math.max(...years) + 0.5] : [0, 1];
  return (
    <div role="img" aria-label={label} className="w-full">
      <LineChart
        responsive
        accessibilityLayer={false}
        data={data}
        style={{ width: "100%", height: 300 }}
        margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
      >
        {bands.flatMap((y) =>
          y.bands.map((b, i) => (
            <ReferenceArea
              key={`${y.year}-${b.name}`}
              x1={y.year - 0.5}
              x2={y.year + 0.5}
              y1={b.min}
              y2={b.max}
              fill={BAND_COLORS[i % BAND_COLORS.length]}
              fillOpacity={1}
              stroke="none"
              ifOverflow="hidden"
            />
          )),
        )}
        <CartesianGrid strokeDasharray="3 3" stroke="#cbd5e1" />
        <XAxis
          type="number"
          dataKey="year"
          domain={domain}
          ticks={years}
          allowDecimals={false}
          tickFormatter={String}
          tick={{ fontSize: 12 }}
          label={{ value: yearAxis, position: "insideBottom", offset: -12, fontSize: 12 }}
        />
        <YAxis
          domain={[0, 100]}
          ticks={[0, 20, 40, 60, 80, 100]}
          tickFormatter={number}
          tick={{ fontSize: 12 }}
          width={56}
          label={{
            value: indexAxis,
            angle: -90,
            position: "insideLeft",
            offset: 0,
            fontSize: 12,
            style: { textAnchor: "middle" },
          }}
        />
        <Tooltip formatter={(v) => number(v)} labelFormatter={(y) => String(y)} />
        <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 20, fontSize: 13 }} />
        <Line
          dataKey="index"
          name={indexLabel}
          stroke={CHART_COLORS.primary}
          strokeWidth={3}
          dot={{ r: 4 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          dataKey="projection"
          name={projectionLabel}
          stroke={CHART_COLORS.tertiary}
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 5, strokeDasharray: "0" }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
