import { requirePermission } from "@/lib/auth/context";
import { revalidateGallery } from "@/lib/gallery/revalidate";
import { apiHandler } from "@/lib/http/api";
import { pathUuid, readJsonObject } from "@/lib/http/request";
import { deleteInnovation } from "@/lib/innovations/archive-innovation";
import { getInnovation } from "@/lib/innovations/get-innovation";
import { updateInnovation } from "@/lib/innovations/update-innovation";

type Params = { id: string };

export const GET = apiHandler<Params>(async ({ ctx, params }) => {
  requirePermission(ctx, "innovation.read");
  return getInnovation({ ctx, id: pathUuid(params.id, "innovation") });
});

/** The body is passed on as sent (lib tells which fields were sent by their keys); the path wins over an `id` in it. */
export const PATCH = apiHandler<Params>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "innovation.write");
  const id = pathUuid(params.id, "innovation");
  const updated = await updateInnovation({ ctx, input: { ...(await readJsonObject(req)), id } });
  revalidateGallery(); // a public innovation's page shows the profile
  return updated;
});

export const DELETE = apiHandler<Params>(async ({ ctx, params }) => {
  requirePermission(ctx, "innovation.write");
  const deleted = await deleteInnovation({ ctx, input: { id: pathUuid(params.id, "innovation") } });
  revalidateGallery();
  return deleted;
});
