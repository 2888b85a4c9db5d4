import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject } from "zod-openapi";
import { errors, json, ok } from "./common";

/* The public gallery's one write: whether an innovation is shown to visitors; merged by ./document.ts. */

/** The route's body; lib/gallery/publish.ts takes the id from the path beside it. */
export const publicBodySchema = z.object({ public: z.boolean("v.galleryPublic") }).meta({ id: "PublicRequest" });

const publishResult = z
  .object({
    id: z.uuid(),
    isPublic: z.boolean(),
    slug: z
      .string()
      .nullable()
      .meta({
        description: "Its address in the gallery, /inovasi/{slug}; given at the first publication and kept",
        example: "payo-beladas",
      }),
  })
  .meta({ id: "PublishResult" });

export const galleryPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/innovations/{id}/public": {
    put: {
      operationId: "setInnovationPublic",
      tags: ["innovations"],
      summary:
        "Show the innovation in the public gallery or hide it (admin, Bappeda); audited as innovation.publish / innovation.unpublish",
      requestParams: { path: z.object({ id: z.uuid().meta({ description: "Innovation id" }) }) },
      requestBody: { required: true, content: json(publicBodySchema) },
      responses: { 200: ok("The innovation's gallery state", publishResult), ...errors(401, 403, 404, 422) },
    },
  },
};
