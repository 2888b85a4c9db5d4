"use client";

import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { DateInput } from "@/components/ui/date-input";

export interface FilterOptions {
  years: number[];
  agencies: { id: string; name: string }[];
  urusans: { code: string; name: string }[];
  innovations: { id: string; name: string; agencyId: string; urusan: string | null }[];
  kecamatan: { code: string; name: string }[];
}

const FIELD =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-brand-600";

/**
 * The dashboard's filters, held in the URL: every change replaces the query string and the page
 * re-renders on the server with the new figures. Works without JavaScript too (a GET form).
 */
export function FilterBar({ options }: { options: FilterOptions }) {
  const t = useTranslations("dashboard");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const value = (key: string) => params.get(key) ?? "";
  const set = (key: string, v: string) => {
    const next = new URLSearchParams(params.toString());
    if (v) next.set(key, v);
    else next.delete(key);
    // A year and a month range exclude each other.
    if (key === "year" && v) {
      next.delete("from");
      next.delete("to");
    }
    if ((key === "from" || key === "to") && v) next.delete("year");
    startTransition(() => router.replace(`${pathname}?${next.toString()}`, { scroll: false }));
  };
  // A typed month applies once it is whole (TTTT-BB) or cleared, not at every keystroke.
  const whenMonth = (key: string, text: string) => {
    if (text === "" || /^\d{4}-\d{2}$/.test(text)) set(key, text);
  };
  const agency = value("agencyId");
  const urusan = value("urusan");
  const innovations = options.innovations.filter(
    (i) => (!agency || i.agencyId === agency) && (!urusan || i.urusan === urusan),
  );
  const select = (key: string, label: string, all: string, items: { value: string; label: string }[]) => (
    <label className="text-sm text-slate-700">
      {label}
      <select name={key} className={FIELD} value={value(key)} onChange={(e) => set(key, e.target.value)}>
        <option value="">{all}</option>
        {items.map((i) => (
          <option key={i.value} value={i.value}>
            {i.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form
      method="get"
      action={pathname}
      aria-label={t("filters")}
      aria-busy={pending}
      className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4 print:hidden"
      data-testid="dashboard-filters"
    >
      {select(
        "year",
        t("year"),
        t("allYears"),
        options.years.map((y) => ({ value: String(y), label: String(y) })),
      )}
      <label className="text-sm text-slate-700">
        {t("from")}
        <DateInput
          month
          name="from"
          className={FIELD}
          key={value("from")}
          defaultValue={value("from")}
          onChange={(e) => whenMonth("from", e.target.value)}
        />
      </label>
      <label className="text-sm text-slate-700">
        {t("to")}
        <DateInput
          month
          name="to"
          className={FIELD}
          key={value("to")}
          defaultValue={value("to")}
          onChange={(e) => whenMonth("to", e.target.value)}
        />
      </label>
      {select(
        "kecamatan",
        t("kecamatan"),
        t("allKecamatan"),
        options.kecamatan.map((k) => ({ value: k.code, label: k.name })),
      )}
      {select(
        "agencyId",
        t("agency"),
        t("allAgencies"),
        options.agencies.map((a) => ({ value: a.id, label: a.name })),
      )}
      {select(
        "urusan",
        t("urusan"),
        t("allUrusan"),
        options.urusans.map((u) => ({ value: u.code, label: u.name })),
      )}
      {select(
        "innovationId",
        t("innovation"),
        t("allInnovations"),
        innovations.map((i) => ({ value: i.id, label: i.name })),
      )}
      <div className="flex items-end gap-3">
        <noscript>
          <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm text-white">
            {t("apply")}
          </button>
        </noscript>
        <button
          type="button"
          className="text-sm text-brand-700 underline underline-offset-2"
          onClick={() => startTransition(() => router.replace(pathname, { scroll: false }))}
        >
          {t("reset")}
        </button>
        <button
          type="button"
          className="text-sm text-brand-700 underline underline-offset-2"
          onClick={() => window.print()}
        >
          {t("print")}
        </button>
      </div>
    </form>
  );
}
