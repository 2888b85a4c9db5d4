import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJson } from "@/lib/http/request";
import { createInnovation } from "@/lib/innovations/create-innovation";
import { listInnovations, listInnovationsInput } from "@/lib/innovations/list-innovations";
import { pickParams } from "@/lib/innovations/list-search-params";

/**
 * The query parameters are the keys of listInnovationsInput (so a new filter works here, and in the
 * OpenAPI document, as soon as lib adds it), read like the list page and the export read them:
 * empty ones dropped, the last of a repeated one kept. A bad value is lib's 422.
 */
const QUERY_KEYS = Object.keys(listInnovationsInput.shape);

export const GET = apiHandler(async ({ req, ctx }) =>
  listInnovations({ ctx, input: pickParams(new URL(req.url).searchParams, QUERY_KEYS) }),
);

export const POST = apiHandler(async ({ req, ctx }) => {
  requirePermission(ctx, "innovation.write");
  const row = await createInnovation({ ctx, input: await readJson(req) });
  return Response.json(row, { status: 201 });
});
