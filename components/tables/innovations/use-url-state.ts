"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { type MouseEvent, useCallback, useMemo, useOptimistic, useTransition } from "react";
import { PAGE_PARAM } from "@/lib/innovations/list-params";
import type { ViewParams } from "./view-state";

export type ParamChanges = Record<string, string | null | undefined>;
interface NavigateOptions {
  /** Keep the page number (paging itself, column choice); any other change goes back to page 1. */
  keepPage?: boolean;
  /** Replace the history entry instead of adding one (for changes not worth a back step). */
  replace?: boolean;
}

function merge(current: ViewParams, changes: ParamChanges): ViewParams {
  const next = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === "") delete next[key];
    else next[key] = value;
  }
  return next;
}

function withPage(changes: ParamChanges, keepPage?: boolean): ParamChanges {
  return keepPage ? changes : { ...changes, [PAGE_PARAM]: null };
}

/**
 * The list's state is its URL. Every change is a client navigation, so the server page reads the
 * new parameters and renders the new rows, a link to the view can be shared, and the back button
 * walks through earlier views. Until the server answers, `view` already shows the change
 * (useOptimistic), so controls do not jump back and quick successive changes add up.
 */
export function useUrlState() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const committed = useMemo<ViewParams>(() => Object.fromEntries(searchParams.entries()), [searchParams]);
  const [view, applyOptimistic] = useOptimistic(committed, merge);
  const [pending, startTransition] = useTransition();

  const hrefFor = useCallback(
    (changes: ParamChanges, options: NavigateOptions = {}) => {
      const query = new URLSearchParams(
        merge(view, withPage(changes, options.keepPage)) as Record<string, string>,
      ).toString();
      return query ? `${pathname}?${query}` : pathname;
    },
    [pathname, view],
  );

  const navigate = useCallback(
    (changes: ParamChanges, options: NavigateOptions = {}) => {
      const href = hrefFor(changes, options);
      startTransition(() => {
        applyOptimistic(withPage(changes, options.keepPage));
        if (options.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [applyOptimistic, hrefFor, router],
  );

  return { view, pending, navigate, hrefFor };
}

/** A plain left click: the rest (new tab, download) is left to the browser. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
