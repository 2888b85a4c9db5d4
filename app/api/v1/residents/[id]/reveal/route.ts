import { requirePermission } from "@/lib/auth/context";
import { revealResident } from "@/lib/beneficiaries/reveal";
import { apiHandler } from "@/lib/http/api";
import { readJsonObject } from "@/lib/http/request";

/** Decrypts the NIK and/or name of one resident (by id, from a look-up); audited each time. An empty body means the defaults. */
export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "resident.reveal");
  const result = await revealResident({
    ctx,
    residentId: params.id,
    input: await readJsonObject(req, { emptyIsObject: true }),
  });
  return Response.json(result, { headers: { "Cache-Control": "no-store" } });
});
