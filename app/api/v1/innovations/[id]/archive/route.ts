import { requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { revalidateGallery } from "@/lib/gallery/revalidate";
import { apiHandler } from "@/lib/http/api";
import { pathUuid, readJson } from "@/lib/http/request";
import { setInnovationArchived } from "@/lib/innovations/archive-innovation";
import { archiveBodySchema } from "@/lib/openapi/schemas";

/** `{ "archived": true }` archives, `false` restores. The body is parsed with the documented schema. */
export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "innovation.write");
  const id = pathUuid(params.id, "innovation");
  const { archived } = parseInput(archiveBodySchema, await readJson(req));
  const result = await setInnovationArchived({ ctx, input: { id, archived } });
  revalidateGallery(); // an archived innovation leaves the public gallery
  return result;
});
