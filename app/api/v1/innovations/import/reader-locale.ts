import { type Locale, pickLocale } from "@/i18n/locales";

/**
 * The language the report and the template's instructions are worded in: `?locale=` (the import
 * page sends its UI language, which a browser's Accept-Language may not match), else the UI's
 * cookie, else Accept-Language, else Indonesian — the order lib/http/api.ts uses for errors.
 */
export function readerLocale(req: Request): Locale {
  const explicit = new URL(req.url).searchParams.get("locale");
  const cookie = /(?:^|;\s*)NEXT_LOCALE=(\w+)/.exec(req.headers.get("cookie") ?? "")?.[1];
  const accept = req.headers.get("accept-language")?.split(",")[0]?.trim().slice(0, 2);
  return pickLocale(explicit ?? cookie ?? accept);
}
