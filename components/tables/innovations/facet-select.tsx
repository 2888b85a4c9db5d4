"use client";

import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export interface FacetOption {
  value: string;
  label: string;
  /** How many innovations this value gives with the other filters kept; absent for plain choices. */
  count?: number;
}

/** One filter: a native select (keyboard and phone friendly) whose options say how many rows each gives. */
export function FacetSelect({
  id,
  label,
  value,
  options,
  allLabel,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  options: FacetOption[];
  allLabel?: string;
  onChange: (value: string | null) => void;
}) {
  const t = useTranslations("innovationList.filters");
  return (
    <div className="space-y-1">
      <Label htmlFor={`filter-${id}`}>{label}</Label>
      <Select id={`filter-${id}`} name={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{allLabel ?? t("all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.count === undefined ? o.label : t("option", { label: o.label, count: o.count })}
          </option>
        ))}
      </Select>
    </div>
  );
}
