import type { ZodOpenApiObject } from "zod-openapi";

/** Paths of resident look-up, NIK reveal and impact aggregates; merged into the document by ./document.ts. */
export const residentPaths: ZodOpenApiObject["paths"] = {};

export const residentTags: { name: string; description: string }[] = [];
