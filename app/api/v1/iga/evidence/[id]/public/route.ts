import { requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { setEvidencePublic } from "@/lib/gallery/photos";
import { revalidateGallery } from "@/lib/gallery/revalidate";
import { apiHandler } from "@/lib/http/api";
import { readJson } from "@/lib/http/request";
import { publicBodySchema } from "@/lib/openapi/paths-gallery";
import { pathEvidenceId } from "../../../request";

/** `{ "public": true }` shows an evidence photo in the public gallery, `false` hides it (admin, Bappeda). */
export const PUT = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "gallery.publish");
  const id = pathEvidenceId(params);
  const body = parseInput(publicBodySchema, await readJson(req));
  const result = await setEvidencePublic({ ctx, input: { id, public: body.public } });
  revalidateGallery();
  return result;
});
