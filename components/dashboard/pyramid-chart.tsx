"use client";

import { useFormatter } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS } from "@/components/impact/colors";

/** A population pyramid: men to the left, women to the right, age bands from young (bottom) to old. */
export function PyramidChart({
  data,
  label,
  male,
  female,
  valueTitle,
}: {
  data: { band: string; L: number; P: number }[];
  label: string;
  male: string;
  female: string;
  valueTitle?: string;
}) {
  const format = useFormatter();
  const rows = [...data].reverse().map((d) => ({ band: d.band, L: -d.L, P: d.P }));
  const abs = (v: unknown) => (typeof v === "number" ? format.number(Math.abs(v)) : String(v ?? ""));
  return (
    <div role="img" aria-label={label} className="w-full">
      <BarChart
        responsive
        accessibilityLayer={false}
        data={rows}
        layout="vertical"
        stackOffset="sign"
        style={{ width: "100%", height: valueTitle ? 280 : 260 }}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
        <XAxis
          type="number"
          tickFormatter={abs}
          tick={{ fontSize: 12 }}
          height={valueTitle ? 40 : 30}
          label={
            valueTitle
              ? { value: valueTitle, position: "insideBottom", offset: -4, style: { fontSize: 12, fill: "#475569" } }
              : undefined
          }
        />
        <YAxis type="category" dataKey="band" width={56} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(v) => abs(v)} />
        {/* Clear of the value axis' title, which sits just below the ticks. */}
        <Legend wrapperStyle={valueTitle ? { paddingTop: 8 } : undefined} />
        <Bar dataKey="L" name={male} fill={CHART_COLORS.male} stackId="p" isAnimationActive={false} />
        <Bar dataKey="P" name={female} fill={CHART_COLORS.female} stackId="p" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
