import { type ListInnovationsQuery, listInnovationsInput } from "./list-innovations";
import { VIEW_PARAMS } from "./list-params";

export type RawSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

/**
 * The named parameters present in a URL, as strings. Empty ones are dropped: a select set back
 * to "all" sends `stage=` in a plain form submit, and that means no filter, not a bad value. A
 * repeated parameter counts once, with its last value (as in the JSON API).
 */
export function pickParams(params: RawSearchParams, keys: readonly string[] = VIEW_PARAMS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const raw = params instanceof URLSearchParams ? params.getAll(key) : params[key];
    const value = (Array.isArray(raw) ? raw.at(-1) : raw)?.trim();
    if (value) out[key] = value;
  }
  return out;
}

/**
 * For pages: a hand-edited or outdated URL should still show the catalogue, so values that do
 * not validate are dropped instead of refused (the API refuses them with a 422).
 */
export function lenientListInput(raw: Record<string, string | number>): ListInnovationsQuery {
  const first = listInnovationsInput.safeParse(raw);
  if (first.success) return first.data;
  const invalid = new Set(first.error.issues.map((issue) => String(issue.path[0])));
  const kept = Object.fromEntries(Object.entries(raw).filter(([key]) => !invalid.has(key)));
  return listInnovationsInput.parse(kept);
}
