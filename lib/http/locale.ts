import { type Locale, pickLocale } from "@/i18n/locales";

/** The caller's language: the UI's cookie, else Accept-Language, else Indonesian. */
function requestLocale(req: Request): Locale {
  const cookie = /(?:^|;\s*)NEXT_LOCALE=(\w+)/.exec(req.headers.get("cookie") ?? "")?.[1];
  const accept = req.headers.get("accept-language")?.split(",")[0]?.trim().slice(0, 2);
  return pickLocale(cookie ?? accept);
}

/**
 * The language a report or template is worded in: `?locale=` first (a page sends its UI language,
 * which a browser's Accept-Language may not match), else as requestLocale.
 */
export function readerLocale(req: Request): Locale {
  const explicit = new URL(req.url).searchParams.get("locale");
  return explicit ? pickLocale(explicit) : requestLocale(req);
}
