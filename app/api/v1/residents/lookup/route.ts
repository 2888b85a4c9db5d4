import { lookupResident } from "@/lib/beneficiaries/lookup";
import { apiHandler, readJson } from "@/lib/http/api";

/**
 * `{ "nik": "…" }` in the body — never in the URL, where proxies and browser history would keep
 * it. Answers with the masked NIK and aggregates of what reached the resident; audited.
 */
export const POST = apiHandler(async ({ req, ctx }) => {
  const result = await lookupResident({ ctx, input: await readJson(req) });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
