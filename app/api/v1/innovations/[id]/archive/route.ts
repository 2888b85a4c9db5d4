import { z } from "zod";
import { NotFoundError, parseInput } from "@/lib/errors";
import { apiHandler, readJson } from "@/lib/http/api";
import { setInnovationArchived } from "@/lib/innovations/archive-innovation";
import { archiveBodySchema } from "@/lib/openapi/schemas";

type Params = { id: string };

/** Not a UUID: no such innovation (404), as for the other `/innovations/{id}` routes. */
function innovationId(params: Params): string {
  if (!z.uuid().safeParse(params.id).success) throw new NotFoundError("innovation");
  return params.id;
}

/** `{ "archived": true }` archives, `false` restores. The body is parsed with the documented schema. */
export const POST = apiHandler<Params>(async ({ req, ctx, params }) => {
  const id = innovationId(params);
  const { archived } = parseInput(archiveBodySchema, await readJson(req));
  return setInnovationArchived({ ctx, input: { id, archived } });
});
