import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The whole-page answer for 403 and 404: the status, what happened and the way home. */
export async function StatusPage({ status, messageKey }: { status: 403 | 404; messageKey: "forbidden" | "pageNotFound" }) {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-bold">{status}</h1>
      <p className="mt-2 text-slate-700">{t(messageKey)}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
