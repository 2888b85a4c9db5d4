import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { removeEvidence } from "@/lib/iga/evidence-remove";
import { pathEvidenceId } from "../../request";

export const DELETE = apiHandler<{ id: string }>(async ({ ctx, params }) => {
  requirePermission(ctx, "iga.assess");
  return removeEvidence({ ctx, input: { evidenceId: pathEvidenceId(params) } });
});
