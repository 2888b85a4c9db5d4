import { apiHandler, readJson } from "@/lib/http/api";
import { createInnovation } from "@/lib/innovations/create-innovation";
import { type ListInnovationsInput, listInnovations, listInnovationsInput } from "@/lib/innovations/list-innovations";
import { pickParams } from "@/lib/innovations/list-search-params";
import type { InnovationDraftInput } from "@/lib/innovations/schemas";

/**
 * The query parameters are the keys of listInnovationsInput (so a new filter works here, and in the
 * OpenAPI document, as soon as lib adds it), read like the list page and the export read them:
 * empty ones dropped, the last of a repeated one kept. A bad value is lib's 422.
 */
const QUERY_KEYS = Object.keys(listInnovationsInput.shape);

export const GET = apiHandler(async ({ req, ctx }) => {
  const input = pickParams(new URL(req.url).searchParams, QUERY_KEYS) as ListInnovationsInput;
  return listInnovations({ ctx, input });
});

export const POST = apiHandler(async ({ req, ctx }) => {
  const row = await createInnovation({ ctx, input: (await readJson(req)) as InnovationDraftInput });
  return Response.json(row, { status: 201 });
});
