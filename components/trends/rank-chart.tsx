"use client";

import { useFormatter } from "next-intl";
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { type ChartRow, rankTicks } from "@/lib/trends/series";

export interface RankSeries {
  key: string;
  label: string;
  color: string;
  /** Peers are dashed, so the lines stay apart without relying on colour. */
  dashed?: boolean;
}

/**
 * Ranks over the years with the axis inverted: rank 1 at the top, so "up" means better. Drawn as an
 * image with a label; the same numbers are in the table beside it (see ChartCard).
 */
export function RankChart({
  data,
  series,
  label,
  rankAxis,
  yearAxis,
}: {
  data: ChartRow[];
  series: RankSeries[];
  label: string;
  rankAxis: string;
  yearAxis: string;
}) {
  const format = useFormatter();
  const number = (v: unknown) => (typeof v === "number" ? format.number(v) : "—");
  const worst = Math.max(1, ...data.flatMap((row) => series.map((s) => row[s.key] ?? 1)));
  const ticks = rankTicks(worst);
  return (
    <div role="img" aria-label={label} className="w-full">
      <LineChart
        responsive
        accessibilityLayer={false}
        data={data}
        style={{ width: "100%", height: 300 }}
        margin={{ top: 8, right: 16, bottom: 24, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        {/* Years are labels, not quantities: never "2.023". */}
        <XAxis
          dataKey="year"
          tickFormatter={String}
          tick={{ fontSize: 12 }}
          label={{ value: yearAxis, position: "insideBottom", offset: -12, fontSize: 12 }}
        />
        <YAxis
          reversed
          domain={[1, ticks.at(-1) ?? worst]}
          ticks={ticks}
          interval={0}
          allowDecimals={false}
          tickFormatter={number}
          tick={{ fontSize: 12 }}
          width={56}
          label={{
            value: rankAxis,
            angle: -90,
            position: "insideLeft",
            offset: 0,
            fontSize: 12,
            style: { textAnchor: "middle" },
          }}
        />
        <Tooltip formatter={(v) => number(v)} labelFormatter={(y) => String(y)} />
        <Legend verticalAlign="bottom" wrapperStyle={{ paddingTop: 20, fontSize: 13 }} />
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stroke={s.color}
            strokeWidth={s.dashed ? 2 : 3}
            strokeDasharray={s.dashed ? "6 4" : undefined}
            dot={{ r: 4 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </div>
  );
}
