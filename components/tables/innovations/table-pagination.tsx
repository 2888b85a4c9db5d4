"use client";

import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Select } from "@/components/ui/input";
import { PAGE_SIZES } from "@/lib/innovations/list-params";

interface Props {
  page: number;
  pageSize: number;
  total: number;
  hrefForPage: (page: number) => string;
  onPageSize: (size: number) => void;
}

const linkClass =
  "inline-flex size-10 items-center justify-center rounded-md border border-slate-300 bg-white hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600";
const disabledClass =
  "inline-flex size-10 items-center justify-center rounded-md border border-slate-200 text-slate-300";

/** Page links (real links: they open in a new tab and work without JavaScript) and the page size. */
export function TablePagination({ page, pageSize, total, hrefForPage, onPageSize }: Props) {
  const t = useTranslations("innovationList.pagination");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : Math.min(total, (page - 1) * pageSize + 1);
  const to = Math.min(total, page * pageSize);
  const step = (target: number, label: string, Icon: typeof ChevronLeft, rel?: string) =>
    target >= 1 && target <= pages && target !== page ? (
      <Link href={hrefForPage(target)} className={linkClass} aria-label={label} title={label} rel={rel} scroll={false}>
        <Icon aria-hidden className="size-4" />
      </Link>
    ) : (
      <span className={disabledClass} aria-hidden>
        <Icon className="size-4" />
      </span>
    );

  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex items-center gap-2 text-sm text-slate-700">
        <label htmlFor="page-size">{t("pageSize")}</label>
        <Select
          id="page-size"
          className="w-20"
          value={String(pageSize)}
          onChange={(e) => onPageSize(Number(e.target.value))}
        >
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </Select>
        <span aria-live="polite" data-testid="page-range">
          {t("range", { from, to, total })}
        </span>
      </div>
      <div className="flex items-center gap-1">
        {step(1, t("first"), ChevronsLeft)}
        {step(page - 1, t("previous"), ChevronLeft, "prev")}
        <span className="px-2 text-sm text-slate-700" data-testid="page-status">
          {t("status", { page: Math.min(page, pages), pages })}
        </span>
        {step(page + 1, t("next"), ChevronRight, "next")}
        {step(pages, t("last"), ChevronsRight)}
      </div>
    </nav>
  );
}
