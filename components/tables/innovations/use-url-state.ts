"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { createSerializer, parseAsString, useQueryStates } from "nuqs";
import { type MouseEvent, useCallback, useMemo, useTransition } from "react";
import { COLUMNS_PARAM, PAGE_PARAM, SIZE_PARAM, VIEW_PARAMS } from "@/lib/innovations/list-params";
import type { ViewParams } from "./view-state";

export type ParamChanges = Record<string, string | null | undefined>;
interface NavigateOptions {
  /** Keep the page number (paging itself, column choice); any other change goes back to page 1. */
  keepPage?: boolean;
  /** Replace the history entry instead of adding one (for changes not worth a back step). */
  replace?: boolean;
  /** Only the URL changes, the server is not asked (a column choice needs no new rows). */
  shallow?: boolean;
}

const KEYS = [...VIEW_PARAMS, PAGE_PARAM, SIZE_PARAM, COLUMNS_PARAM];
const PARSERS = Object.fromEntries(KEYS.map((key) => [key, parseAsString]));
const serialize = createSerializer(PARSERS);

/** The changes as nuqs takes them: only the list's own keys, an empty value removes the key. */
function updates(changes: ParamChanges, keepPage?: boolean): Record<string, string | null> {
  const all: ParamChanges = keepPage ? changes : { ...changes, [PAGE_PARAM]: null };
  return Object.fromEntries(KEYS.filter((key) => key in all).map((key) => [key, all[key] || null]));
}

/**
 * The list's state is its URL (nuqs). Every change is a client navigation, so the server page reads
 * the new parameters and renders the new rows, a link to the view can be shared, and the back button
 * walks through earlier views. Until the server answers, `view` already shows the change, so
 * controls do not jump back and quick successive changes add up.
 */
export function useUrlState() {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(PARSERS, { shallow: false, scroll: false, startTransition });
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view = useMemo<ViewParams>(
    () => Object.fromEntries(Object.entries(state).filter(([, value]) => value !== null)) as ViewParams,
    [state],
  );

  const hrefFor = useCallback(
    (changes: ParamChanges, options: NavigateOptions = {}) =>
      pathname + serialize(searchParams, { ...state, ...updates(changes, options.keepPage) }),
    [pathname, searchParams, state],
  );

  const navigate = useCallback(
    (changes: ParamChanges, options: NavigateOptions = {}) =>
      void setState(updates(changes, options.keepPage), {
        history: options.replace ? "replace" : "push",
        shallow: options.shallow ?? false,
      }),
    [setState],
  );

  return { view, pending, navigate, hrefFor };
}

/** A plain left click: the rest (new tab, download) is left to the browser. */
export function isPlainClick(event: MouseEvent): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}
