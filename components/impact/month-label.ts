import { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

/**
 * "2023-06" → "Jun 2023" / "Jun 2023" in the reader's language. A plain module: server components
 * pass getFormatter()'s formatter, client components use the hook below.
 */
export function formatMonth(format: Formatter, month: string): string {
  const [y, m] = month.split("-").map(Number);
  if (!y || !m) return month;
  return format.dateTime(new Date(Date.UTC(y, m - 1, 1)), { month: "short", year: "numeric", timeZone: "UTC" });
}

export function useMonthLabel() {
  const format = useFormatter();
  return (month: string) => formatMonth(format, month);
}
