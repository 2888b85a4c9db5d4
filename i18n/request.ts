import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale } from "./locales";
import { MESSAGES } from "./messages";

/**
 * The locale is a cookie (set by the language switch), Bahasa Indonesia by default. Code that
 * knows its reader's language (API errors, the CLI) asks for it explicitly. Times are shown in WIB,
 * the region's own time (as the PDFs and exports write them), whatever the server's clock zone.
 */
export default getRequestConfig(async ({ locale: explicit }) => {
  const locale = explicit ? pickLocale(explicit) : pickLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: "Asia/Jakarta" };
});
