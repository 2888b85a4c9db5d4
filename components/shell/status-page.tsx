import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The whole-page answer for 403 and 404: the status, what happened and the way home. Rendered
 * inside the signed-in shell (which has the page's one <main>) it is a section; alone, its own <main>.
 */
export async function StatusPage({
  status,
  message,
  inShell = false,
}: {
  status: 403 | 404;
  message?: string;
  inShell?: boolean;
}) {
  const t = await getTranslations("errors");
  const Wrapper = inShell ? "section" : "main";
  return (
    <Wrapper className="mx-auto max-w-lg p-8 text-center" data-testid="status-page">
      <h1 className="text-2xl font-bold">{status}</h1>
      <p className="mt-2 text-slate-700">{message ?? t(status === 403 ? "forbidden" : "pageNotFound")}</p>
      <Link href="/" className="mt-4 inline-block text-brand-700 underline">
        {t("backHome")}
      </Link>
    </Wrapper>
  );
}
