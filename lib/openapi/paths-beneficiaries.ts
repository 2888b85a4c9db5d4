import type { ZodOpenApiObject } from "zod-openapi";

/** Paths of the beneficiaries area; merged into the document by ./document.ts. */
export const beneficiaryPaths: ZodOpenApiObject["paths"] = {};

export const beneficiaryTags: { name: string; description: string }[] = [];
