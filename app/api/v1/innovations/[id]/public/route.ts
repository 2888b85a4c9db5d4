import { requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { setInnovationPublic } from "@/lib/gallery/publish";
import { revalidateGallery } from "@/lib/gallery/revalidate";
import { apiHandler } from "@/lib/http/api";
import { pathUuid, readJson } from "@/lib/http/request";
import { publicBodySchema } from "@/lib/openapi/paths-gallery";

/** `{ "public": true }` shows the innovation in the public gallery, `false` hides it (admin, Bappeda). */
export const PUT = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "gallery.publish");
  const id = pathUuid(params.id, "innovation");
  const body = parseInput(publicBodySchema, await readJson(req));
  const result = await setInnovationPublic({ ctx, input: { id, public: body.public } });
  revalidateGallery();
  return result;
});
