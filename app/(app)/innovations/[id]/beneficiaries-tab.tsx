import { getTranslations } from "next-intl/server";
import type { Ctx } from "@/lib/auth/context";
import type { InnovationRow } from "@/lib/innovations/get-innovation";

/** The beneficiaries tab of an innovation's page. */
export async function BeneficiariesTab({}: { ctx: Ctx; innovation: InnovationRow }) {
  const t = await getTranslations();
  return <p className="max-w-2xl text-slate-700">{t("catalogue.notYet.beneficiaries")}</p>;
}
