import type { Ctx } from "@/lib/auth/context";
import type { InnovationRow } from "@/lib/innovations/get-innovation";

/** Import of service records into one innovation (the upper part of the beneficiaries tab). */
export async function BeneficiaryImportPanel({}: { ctx: Ctx; innovation: InnovationRow }) {
  return null;
}
