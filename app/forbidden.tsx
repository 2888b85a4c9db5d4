import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-2xl font-bold">403</h1>
      <p className="mt-2 text-slate-700">{t("forbidden")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("backHome")}
      </Link>
    </main>
  );
}
