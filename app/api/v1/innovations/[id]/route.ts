import { z } from "zod";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { apiHandler, readJson } from "@/lib/http/api";
import { deleteInnovation } from "@/lib/innovations/archive-innovation";
import { getInnovation } from "@/lib/innovations/get-innovation";
import type { InnovationPatchInput } from "@/lib/innovations/schemas";
import { updateInnovation } from "@/lib/innovations/update-innovation";

type Params = { id: string };

/**
 * A path id that is not a UUID names no innovation: 404, as the OpenAPI document says, rather than
 * the 422 the lib functions give for their own `id` field. (Kept local: a route file may only export
 * handlers, and the archive route repeats these three lines.)
 */
function innovationId(params: Params): string {
  if (!z.uuid().safeParse(params.id).success) throw new NotFoundError("innovation");
  return params.id;
}

export const GET = apiHandler<Params>(async ({ ctx, params }) => getInnovation({ ctx, id: innovationId(params) }));

export const PATCH = apiHandler<Params>(async ({ req, ctx, params }) => {
  const id = innovationId(params);
  const body = await readJson(req);
  // The body is passed on as sent (lib tells which fields were sent by their keys), so it must be an object.
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw ValidationError.field(null, "v.jsonBody");
  }
  // The path wins over an `id` in the body: the URL is what the caller addressed.
  return updateInnovation({ ctx, input: { ...body, id } as InnovationPatchInput });
});

export const DELETE = apiHandler<Params>(async ({ ctx, params }) => deleteInnovation({ ctx, input: { id: innovationId(params) } }));
