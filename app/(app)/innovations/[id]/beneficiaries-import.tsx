import { BeneficiaryImportWorkbench } from "@/components/beneficiaries/import-workbench";
import { type Ctx, can } from "@/lib/auth/context";
import { listBatches } from "@/lib/beneficiaries/batches";
import type { InnovationRow } from "@/lib/innovations/get-innovation";

/**
 * Import of service records into one innovation (the upper part of the beneficiaries tab). Only
 * for those who may import into this innovation: admin, Bappeda, and the innovation's own agency.
 */
export async function BeneficiaryImportPanel({ ctx, innovation }: { ctx: Ctx; innovation: InnovationRow }) {
  if (!can(ctx, "beneficiary.import", { agencyId: innovation.agencyId, regionCode: innovation.regionCode })) return null;
  const batches = await listBatches({ ctx, input: { innovationId: innovation.id } });
  return <BeneficiaryImportWorkbench innovationId={innovation.id} initialBatches={batches} />;
}
