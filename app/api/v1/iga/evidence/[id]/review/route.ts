import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJsonObject } from "@/lib/http/request";
import { reviewEvidence } from "@/lib/iga/review";
import { pathEvidenceId } from "../../../request";

export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "iga.review");
  const evidenceId = pathEvidenceId(params);
  return reviewEvidence({ ctx, input: { ...(await readJsonObject(req)), evidenceId } });
});
