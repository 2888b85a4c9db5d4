import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { ValidityMessages } from "@/components/shell/validity-messages";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("app");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

/**
 * Every page gets only the messages its client components need everywhere (the browser's form
 * messages, sign-in): a visitor of the public gallery does not download the app's catalogue. The
 * signed-in shell (app/(app)/layout.tsx) provides all messages to its own pages.
 */
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, all] = await Promise.all([getLocale(), getMessages()]);
  const messages = { ux: { validity: (all.ux as Record<string, unknown>).validity }, login: all.login };
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider messages={messages}>
          <ValidityMessages />
          {children}
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
