import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJson } from "@/lib/http/request";
import { addIgaPeerResult, listIgaPeerResults } from "@/lib/trends/iga-peers";

/** The comparison regions' IGA ranks per year, each with its source. */
export const GET = apiHandler(async ({ ctx }) => ({ items: await listIgaPeerResults({ ctx }) }));

/** Adds one comparison region's result for a year (admin, Bappeda). */
export const POST = apiHandler(async ({ req, ctx }) => {
  requirePermission(ctx, "iga.results.write");
  const row = await addIgaPeerResult({ ctx, input: await readJson(req) });
  return Response.json(row, { status: 201 });
});
