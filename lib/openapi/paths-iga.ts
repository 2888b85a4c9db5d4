import type { ZodOpenApiObject } from "zod-openapi";

/** Paths of the iga area; merged into the document by ./document.ts. */
export const igaPaths: ZodOpenApiObject["paths"] = {};

export const igaTags: { name: string; description: string }[] = [];
