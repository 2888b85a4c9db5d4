import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { addEvidence, evidenceMaxBytes } from "@/lib/iga/evidence";
import { evidenceInputFromRequest, pathYear } from "../../request";

/** multipart/form-data (`file` + fields) attaches a file; a JSON body attaches a link. */
export const POST = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  // Checked before the body is read, so an unauthorised caller cannot make the server take 10 MB.
  requirePermission(ctx, "iga.assess");
  const year = pathYear(params);
  const maxBytes = evidenceMaxBytes();
  const row = await addEvidence({ ctx, input: await evidenceInputFromRequest(req, year, maxBytes), maxBytes });
  return Response.json(row, { status: 201 });
});
