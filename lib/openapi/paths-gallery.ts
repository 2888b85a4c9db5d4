import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject } from "zod-openapi";
import { errors, json, ok } from "./common";

/* The public gallery's writes (an innovation, an evidence photo shown to visitors) and its photos; merged by ./document.ts. */

/** The route's body; lib/gallery/publish.ts takes the id from the path beside it. */
export const publicBodySchema = z.object({ public: z.boolean("v.galleryPublic") }).meta({ id: "PublicRequest" });

const publishResult = z
  .object({
    id: z.uuid(),
    isPublic: z.boolean(),
    slug: z.string().nullable().meta({
      description: "Its address in the gallery, /inovasi/{slug}; given at the first publication and kept",
      example: "payo-beladas",
    }),
  })
  .meta({ id: "PublishResult" });

const photoResult = z.object({ id: z.uuid(), isPublic: z.boolean() }).meta({ id: "PhotoPublicResult" });

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
  "/api/v1/iga/evidence/{id}/public": {
    put: {
      operationId: "setEvidencePublic",
      tags: ["iga"],
      summary:
        "Show an evidence photo (JPG or PNG) on its innovation's gallery page, or hide it (admin, Bappeda); the copy shown is re-encoded without camera metadata; audited as gallery.photo.publish / gallery.photo.unpublish",
      requestParams: { path: z.object({ id: z.uuid().meta({ description: "Evidence id" }) }) },
      requestBody: { required: true, content: json(publicBodySchema) },
      responses: {
        200: ok("The photo's gallery state", photoResult),
        ...errors(401, 403, 404, 422),
      },
    },
  },
  "/api/v1/gallery/photos/{id}": {
    get: {
      operationId: "getGalleryPhoto",
      tags: ["gallery"],
      summary:
        "A public photo (JPEG, no metadata), for anyone without signing in; 404 unless the photo and its innovation are both public",
      security: [],
      requestParams: { path: z.object({ id: z.uuid().meta({ description: "Evidence id" }) }) },
      responses: {
        200: {
          description: "The photo",
          content: { "image/jpeg": { schema: { type: "string", contentEncoding: "binary" } } },
        },
        ...errors(404),
      },
    },
  },
};
