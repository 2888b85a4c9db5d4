import { apiHandler } from "@/lib/http/api";
import { reviewEvidence } from "@/lib/iga/review";
import type { ReviewInput } from "@/lib/iga/schemas";
import { pathEvidenceId, readObject } from "../../../request";

export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  const evidenceId = pathEvidenceId(params);
  const body = await readObject(req);
  return reviewEvidence({ ctx, input: { ...body, evidenceId } as ReviewInput });
});
