"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { FacetCounts } from "@/lib/innovations/facets";
import { cn } from "@/lib/cn";
import {
  COLUMNS_PARAM,
  COMPLETENESS_BUCKETS,
  FACET_KEYS,
  type FacetKey,
  SIZE_PARAM,
  VIEW_PARAMS,
} from "@/lib/innovations/list-params";
import { INNOVATION_FORMS, INNOVATION_TYPES, STAGES, THEMES } from "@/lib/innovations/vocabulary";
import { affairName } from "@/lib/reference/affairs";
import { FacetSelect, type FacetOption } from "./facet-select";
import { SearchBox } from "./search-box";
import { isPlainClick, type ParamChanges } from "./use-url-state";
import { hasFilters, type ViewParams } from "./view-state";

export interface AgencyOption {
  id: string;
  shortName: string;
}

/** What "clear all filters" removes: everything but the sort (and the page size and columns). */
const FILTER_PARAMS = VIEW_PARAMS.filter((key) => key !== "sort" && key !== "dir");

interface Props {
  view: ViewParams;
  facets: FacetCounts;
  agencies: AgencyOption[];
  navigate: (changes: ParamChanges) => void;
  resetHref: string;
}

/**
 * Search and filters. It is a GET form, so without JavaScript the Apply button still works; with
 * it, every change updates the URL at once and the server renders the new view.
 */
export function FilterPanel({ view, facets, agencies, navigate, resetHref }: Props) {
  const t = useTranslations();
  const [open, setOpen] = useState(false);
  const active = [...FACET_KEYS, "isSample"].filter((key) => view[key]).length;
  const countOf = (key: FacetKey, value: string) => facets[key].find((c) => c.value === value)?.count ?? 0;
  /** Every value of a closed vocabulary, with its count (0 included: it says "none yet"). */
  const closed = (key: FacetKey, values: readonly string[], labelKey: string): FacetOption[] =>
    values.map((value) => ({ value, label: t(`${labelKey}.${value}`), count: countOf(key, value) }));
  /** Only values present in the view (plus the chosen one), for long or open lists. */
  const present = (key: FacetKey, label: (value: string) => string): FacetOption[] => {
    const values = facets[key].map((c) => c.value);
    if (view[key] && !values.includes(view[key])) values.push(view[key]);
    return values.map((value) => ({ value, label: label(value), count: countOf(key, value) }));
  };

  const agencyOptions = agencies
    .map((a) => ({ value: a.id, label: a.shortName, count: countOf("agencyId", a.id) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const affairOptions = present("mainAffair", affairName).sort((a, b) => a.label.localeCompare(b.label));
  const yearOptions = present("yearApplied", (y) => y).sort((a, b) => Number(b.value) - Number(a.value));

  const select = (key: FacetKey, label: string, options: FacetOption[]) => (
    <FacetSelect
      id={key}
      label={label}
      value={view[key]}
      options={options}
      onChange={(value) => navigate({ [key]: value })}
    />
  );

  return (
    <form
      role="search"
      method="get"
      action="/innovations"
      aria-label={t("innovationList.filters.title")}
      className="rounded-lg border border-slate-200 bg-white p-4"
      onSubmit={(e) => {
        e.preventDefault();
        const q = new FormData(e.currentTarget).get("q");
        navigate({ q: typeof q === "string" ? q.trim() : null });
      }}
    >
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <SearchBox value={view.q ?? ""} onSearch={(q) => navigate({ q })} />
        {/* On a phone the ten selects would push the table off the screen: they fold away. */}
        <button
          type="button"
          aria-expanded={open}
          aria-controls="more-filters"
          onClick={() => setOpen(!open)}
          className="min-h-10 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 sm:hidden"
        >
          {open ? t("innovationList.filters.hideFilters") : t("innovationList.filters.showFilters", { count: active })}
        </button>
        <div id="more-filters" className={cn(open ? "contents" : "hidden", "sm:contents")}>
          {select("stage", t("innovationList.filters.stage"), closed("stage", STAGES, "vocab.stage"))}
          {select(
            "innovationType",
            t("innovationList.filters.innovationType"),
            closed("innovationType", INNOVATION_TYPES, "vocab.innovationType"),
          )}
          {select("form", t("innovationList.filters.form"), closed("form", INNOVATION_FORMS, "vocab.form"))}
          {select("theme", t("innovationList.filters.theme"), closed("theme", THEMES, "vocab.theme"))}
          {select("mainAffair", t("innovationList.filters.mainAffair"), affairOptions)}
          {select("agencyId", t("innovationList.filters.agency"), agencyOptions)}
          {select("yearApplied", t("innovationList.filters.yearApplied"), yearOptions)}
          {select(
            "completeness",
            t("innovationList.filters.completeness"),
            closed("completeness", COMPLETENESS_BUCKETS, "vocab.completeness"),
          )}
          <FacetSelect
            id="isSample"
            label={t("innovationList.filters.isSample")}
            value={view.isSample}
            allLabel={t("innovationList.filters.allStates")}
            options={[
              { value: "true", label: t("innovationList.filters.sampleOnly") },
              { value: "false", label: t("innovationList.filters.realOnly") },
            ]}
            onChange={(value) => navigate({ isSample: value })}
          />
        </div>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-6 gap-y-2">
        <label className="inline-flex min-h-10 items-center gap-2 text-sm text-slate-800">
          <input
            type="checkbox"
            name="includeArchived"
            value="true"
            className="size-4 accent-brand-700"
            checked={view.includeArchived === "true"}
            onChange={(e) => navigate({ includeArchived: e.target.checked ? "true" : null })}
          />
          {t("innovationList.filters.includeArchived")}
        </label>
        {/* Kept through a plain (no-JavaScript) submit; with JavaScript the URL state keeps them. */}
        {[SIZE_PARAM, COLUMNS_PARAM, "sort", "dir"].map((key) =>
          view[key] ? <input key={key} type="hidden" name={key} value={view[key]} /> : null,
        )}
        <button
          type="submit"
          className="min-h-10 rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
        >
          {t("innovationList.filters.apply")}
        </button>
        {hasFilters(view) && (
          <a
            href={resetHref}
            className="text-sm text-brand-800 underline underline-offset-2 hover:text-brand-900"
            onClick={(e) => {
              if (!isPlainClick(e)) return;
              e.preventDefault();
              navigate(Object.fromEntries(FILTER_PARAMS.map((key) => [key, null])));
            }}
          >
            {t("innovationList.filters.reset")}
          </a>
        )}
      </div>
    </form>
  );
}
