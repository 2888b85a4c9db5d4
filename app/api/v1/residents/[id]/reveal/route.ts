import { revealResident } from "@/lib/beneficiaries/reveal";
import { apiHandler, readJson } from "@/lib/http/api";

type Params = { id: string };

/** Decrypts the NIK and/or name of one resident (by id, from a look-up); audited each time. */
export const POST = apiHandler<Params>(async ({ req, ctx, params }) => {
  // An empty body means the defaults (both fields, no reason).
  const body = (await req.clone().text()).trim() ? await readJson(req) : {};
  const result = await revealResident({ ctx, residentId: params.id, input: body });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
