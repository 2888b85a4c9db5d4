import { apiHandler } from "@/lib/http/api";
import { queryFlag } from "@/lib/http/request";
import { openEvidenceFile } from "@/lib/iga/evidence-file";
import { pathEvidenceId } from "../../../request";

/** The stored bytes; `?download=1` asks for an attachment instead of an inline view. */
export const GET = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  const { body, headers } = await openEvidenceFile({
    ctx,
    evidenceId: pathEvidenceId(params),
    download: queryFlag(req, "download"),
  });
  return new Response(body, { status: 200, headers });
});
