import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale } from "./locales";
import { MESSAGES } from "./messages";

/**
 * The locale is a cookie (set by the language switch), Bahasa Indonesia by default. Code that
 * knows its reader's language (API errors, the CLI) asks for it explicitly.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit ? pickLocale(explicit) : pickLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale] };
});
