import { getTranslations } from "next-intl/server";
import { InnovationForm } from "@/components/forms/innovation-form";
import { getRequestContext, orNotFound, pageContext } from "@/lib/auth/request-context";
import { agencyOptionsFor } from "@/lib/innovations/form-options";
import { getInnovation } from "@/lib/innovations/get-innovation";
import { updateInnovationAction } from "../../actions";

export const dynamic = "force-dynamic";

/** The tab title names the innovation; a reader who may not see it gets the generic title. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, ctx, t, tc] = await Promise.all([
    params,
    getRequestContext(),
    getTranslations("ux.titles"),
    getTranslations("catalogue"),
  ]);
  try {
    return { title: tc("editTitle", { name: (await getInnovation({ ctx, id })).name }) };
  } catch {
    return { title: t("innovation") };
  }
}

export default async function EditInnovationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const innovation = await orNotFound(async () => getInnovation({ ctx: await pageContext("innovation.read"), id }));
  // The same check the update runs: agency staff may edit only their agency's innovations.
  const ctx = await pageContext("innovation.write", {
    agencyId: innovation.agencyId,
    regionCode: innovation.regionCode,
    ownerName: innovation.agencyName,
  });
  const [agencies, t] = await Promise.all([agencyOptionsFor(ctx), getTranslations("catalogue")]);
  const { agencyName: _n, agencyShortName: _s, ...profile } = innovation;
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("editTitle", { name: innovation.name })}</h1>
      <InnovationForm
        action={updateInnovationAction}
        initial={{ ...profile, otherAffairs: profile.otherAffairs }}
        agencies={agencies}
        existing={{ id: innovation.id, version: innovation.version }}
        cancelHref={`/innovations/${innovation.id}`}
      />
    </div>
  );
}
