import Link from "next/link";
import type { ReactNode } from "react";

/** Links to the IGA framework years, the current one marked; `children` follow the years. */
export function YearNav({
  label,
  years,
  current,
  href,
  testId,
  children,
}: {
  label: string;
  years: { year: number; suffix?: string }[];
  current: number;
  href: (year: number) => string;
  testId?: string;
  children?: ReactNode;
}) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm" data-testid={testId}>
      {years.map(({ year, suffix }) => (
        <Link
          key={year}
          href={href(year)}
          aria-current={year === current ? "page" : undefined}
          className={
            year === current
              ? "rounded bg-brand-100 px-2 py-1 font-semibold text-brand-900"
              : "rounded px-2 py-1 text-brand-700 underline"
          }
        >
          {year}
          {suffix}
        </Link>
      ))}
      {children}
    </nav>
  );
}
