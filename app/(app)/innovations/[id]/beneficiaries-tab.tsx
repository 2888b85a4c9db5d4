import { InnovationImpact } from "@/components/impact/innovation-impact";
import { type Ctx, can } from "@/lib/auth/context";
import { innovationImpact } from "@/lib/beneficiaries/impact";
import type { InnovationRow } from "@/lib/innovations/get-innovation";
import { BeneficiaryImportPanel } from "./beneficiaries-import";

/**
 * The beneficiaries tab of an innovation's page: the import (for those who may import) above the
 * impact aggregates, which every role that reads innovations may see — no NIK, no names.
 */
export async function BeneficiariesTab({
  ctx,
  innovation,
  impactYear,
}: {
  ctx: Ctx;
  innovation: InnovationRow;
  impactYear?: string;
}) {
  // A year that is no year (an edited link) shows every year rather than an error.
  const query = impactYear && /^\d{4}$/.test(impactYear) ? { year: impactYear } : {};
  const impact = can(ctx, "impact.read", { regionCode: innovation.regionCode })
    ? await innovationImpact({ ctx, innovationId: innovation.id, query })
    : null;
  return (
    <div className="space-y-8">
      <BeneficiaryImportPanel ctx={ctx} innovation={innovation} />
      {impact && <InnovationImpact initial={impact} />}
    </div>
  );
}
