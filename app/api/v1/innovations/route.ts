import type { z } from "zod";
import { apiHandler, readJson } from "@/lib/http/api";
import { createInnovation } from "@/lib/innovations/create-innovation";
import { type ListInnovationsInput, listInnovations, listInnovationsInput } from "@/lib/innovations/list-innovations";
import type { InnovationDraftInput } from "@/lib/innovations/schemas";

/** Whether a filter takes several values (`?stage=a&stage=b`); read from the schema, so new filters just work. */
function acceptsMany(schema: z.core.$ZodType): boolean {
  for (let s: z.core.$ZodType | undefined = schema; s; ) {
    const def = s._zod.def as { type: string; innerType?: z.core.$ZodType; in?: z.core.$ZodType };
    if (def.type === "array") return true;
    s = def.innerType ?? def.in;
  }
  return false;
}

/**
 * The query string as the input of listInnovations: only the keys its schema knows, each a string
 * or, for list filters, every value given. Validation stays in lib (422 on a bad value).
 */
function listQuery(url: URL): ListInnovationsInput {
  const query: Record<string, string | string[]> = {};
  for (const [key, schema] of Object.entries(listInnovationsInput.shape)) {
    const values = url.searchParams.getAll(key);
    if (values.length === 0) continue;
    query[key] = acceptsMany(schema) ? values : values[values.length - 1];
  }
  return query as ListInnovationsInput;
}

export const GET = apiHandler(async ({ req, ctx }) => listInnovations({ ctx, input: listQuery(new URL(req.url)) }));

export const POST = apiHandler(async ({ req, ctx }) => {
  const row = await createInnovation({ ctx, input: (await readJson(req)) as InnovationDraftInput });
  return Response.json(row, { status: 201 });
});
