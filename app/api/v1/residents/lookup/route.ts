import { requirePermission } from "@/lib/auth/context";
import { lookupResident } from "@/lib/beneficiaries/lookup";
import { apiHandler } from "@/lib/http/api";
import { readJson } from "@/lib/http/request";

/**
 * `{ "nik": "…" }` in the body — never in the URL, where proxies and browser history would keep
 * it. Answers with the masked NIK and aggregates of what reached the resident; audited.
 */
export const POST = apiHandler(async ({ req, ctx }) => {
  requirePermission(ctx, "resident.lookup");
  const result = await lookupResident({ ctx, input: await readJson(req) });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
