import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/shell/status-page";
import { forbiddenReason } from "@/lib/auth/forbidden-reason";

/**
 * The 403 page inside the signed-in shell (whose layout holds the page's one <main>); it says
 * whose record it is when the page knows (another agency's innovation).
 */
export default async function Forbidden() {
  const reason = forbiddenReason();
  const t = await getTranslations("ux.forbidden");
  return (
    <StatusPage status={403} inShell message={reason ? t("otherAgency", { owner: reason.ownerName }) : undefined} />
  );
}
