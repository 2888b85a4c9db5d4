import { openPublicPhoto } from "@/lib/gallery/photos";
import { apiHandler } from "@/lib/http/api";

/** A photo of a public innovation, for anyone (no sign-in): the copy without camera metadata. */
export const GET = apiHandler<{ id: string }>(async ({ ctx, params }) => {
  const { body, headers } = await openPublicPhoto({ ctx, input: { id: params.id } });
  return new Response(body, { status: 200, headers });
});
