import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { forbiddenReason } from "@/lib/auth/forbidden-reason";

export async function generateMetadata() {
  return { title: (await getTranslations("ux.titles"))("forbidden") };
}

/** The 403 page: says whose record it is when the page knows (another agency's innovation). */
export default async function Forbidden() {
  const reason = forbiddenReason();
  const t = await getTranslations("ux.forbidden");
  return <StatusPage status={403} message={reason ? t("otherAgency", { owner: reason.ownerName }) : undefined} />;
}
