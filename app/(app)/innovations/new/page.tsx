import { getTranslations } from "next-intl/server";
import { InnovationForm } from "@/components/forms/innovation-form";
import { pageContext } from "@/lib/auth/request-context";
import { agencyOptionsFor } from "@/lib/innovations/form-options";
import { createInnovationAction } from "../actions";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("catalogue"))("newTitle") };
}

export default async function NewInnovationPage() {
  const ctx = await pageContext("innovation.write");
  const [agencies, t] = await Promise.all([agencyOptionsFor(ctx), getTranslations("catalogue")]);
  const initial = {
    agencyId: agencies.length === 1 ? agencies[0].id : "",
    stage: "inisiatif",
    yearApplied: new Date().getFullYear(),
    otherAffairs: [],
  };
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("newTitle")}</h1>
      <p className="max-w-3xl text-slate-700">{t("newIntro")}</p>
      <InnovationForm action={createInnovationAction} initial={initial} agencies={agencies} cancelHref="/innovations" />
    </div>
  );
}
