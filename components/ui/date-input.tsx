"use client";

import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";
import { Input } from "./input";

/**
 * A date typed as TTTT-BB-HH (YYYY-MM-DD in English). The browser's date control shows its own
 * pattern (mm/dd/yyyy in an English browser) whatever the page's language, so this one is plain
 * text with the pattern named in the UI's language; the value sent is the same ISO date.
 */
export function DateInput({ month = false, ...props }: Omit<ComponentProps<"input">, "type"> & { month?: boolean }) {
  const t = useTranslations("ux.date");
  return (
    <Input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      maxLength={month ? 7 : 10}
      pattern={month ? "\\d{4}-\\d{2}" : "\\d{4}-\\d{2}-\\d{2}"}
      placeholder={t(month ? "monthPattern" : "pattern")}
      title={t(month ? "monthHint" : "hint")}
      {...props}
    />
  );
}
