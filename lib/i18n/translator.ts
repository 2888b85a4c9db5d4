import { createTranslator } from "next-intl";
import type { Locale } from "@/i18n/locales";
import { MESSAGES } from "@/i18n/messages";

export type Translate = ((key: string, params?: Record<string, string | number>) => string) & {
  /** Whether the messages hold the key (next-intl's own `has`). */
  has: (key: string) => boolean;
};

/**
 * The one way lib words a message outside a React render: next-intl's createTranslator over the
 * messages/ files, for a locale the caller names (an API reader's, a report's, the CLI's). Missing
 * keys are not logged here; callers that may ask for one check `has` and pick a fallback.
 */
export function translator(locale: Locale): Translate {
  let t = cache.get(locale);
  if (!t) {
    t = createTranslator({ locale, messages: MESSAGES[locale], onError: () => {} }) as unknown as Translate;
    cache.set(locale, t);
  }
  return t;
}

/** One translator per locale: import reports word a message per rejected row. */
const cache = new Map<Locale, Translate>();
