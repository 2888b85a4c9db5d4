"use client";

import { useFormatter } from "next-intl";

/** "2023-06" → "Jun 2023" / "Jun 2023" in the reader's language. */
export function useMonthLabel() {
  const format = useFormatter();
  return (month: string) => {
    const [y, m] = month.split("-").map(Number);
    if (!y || !m) return month;
    return format.dateTime(new Date(Date.UTC(y, m - 1, 1)), { month: "short", year: "numeric", timeZone: "UTC" });
  };
}
