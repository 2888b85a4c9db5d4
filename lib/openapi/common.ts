import type { z } from "zod";
import type { ZodOpenApiResponseObject } from "zod-openapi";
import { errorSchema } from "./schemas";

/* Building blocks shared by the path files of the OpenAPI document. */

export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const json = (schema: z.ZodType) => ({ "application/json": { schema } });
export const ok = (description: string, schema: z.ZodType): ZodOpenApiResponseObject => ({
  description,
  content: json(schema),
});

/** Error responses are registered once (`id`) and referenced from every operation. */
const errorResponse = (id: string, description: string): ZodOpenApiResponseObject => ({
  id,
  description,
  content: json(errorSchema),
});
export const E = {
  401: errorResponse("Unauthenticated", "No valid bearer token or session (`unauthenticated`)"),
  403: errorResponse("Forbidden", "The role lacks the permission (`forbidden`, `forbidden_other_agency`)"),
  404: errorResponse("NotFound", "No such record in the caller's region (`not_found`)"),
  409: errorResponse("Conflict", "Refused because of the current state (see the code)"),
  413: errorResponse(
    "TooLarge",
    "The upload is over the configured limit; the message names it (`package_too_large`, `records_too_large`)",
  ),
  422: errorResponse(
    "ValidationFailed",
    "Invalid input or a body that is not JSON (`validation_failed`, with `fields`)",
  ),
  500: errorResponse(
    "ServerError",
    "A fault on the server (`internal`), or stored encrypted data the server's current key cannot open (`encryption_key_mismatch`: the key was changed)",
  ),
};
export type ErrorStatus = keyof typeof E;
export const errors = (...statuses: ErrorStatus[]) => Object.fromEntries(statuses.map((s) => [s, E[s]]));
