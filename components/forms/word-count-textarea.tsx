"use client";

import { useTranslations } from "next-intl";
import { countWords, MIN_DESIGN_WORDS } from "@/lib/innovations/schemas";
import { cn } from "@/lib/cn";

/** The rancang bangun field with a live word count against the IGA's 300-word minimum. */
export function WordCountTextarea({
  id,
  name,
  value,
  onChange,
  invalid,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  invalid?: boolean;
}) {
  const t = useTranslations("catalogue");
  const words = countWords(value);
  const enough = words >= MIN_DESIGN_WORDS;
  return (
    <div className="space-y-1">
      <textarea
        id={id}
        name={name}
        rows={14}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={invalid}
        aria-describedby={`${id}-count`}
        className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
      />
      <p
        id={`${id}-count`}
        aria-live="polite"
        className={cn("text-sm", enough ? "text-emerald-800" : "text-amber-800")}
        data-testid="design-word-count"
      >
        {t("designWords", { words, min: MIN_DESIGN_WORDS })}
      </p>
    </div>
  );
}
