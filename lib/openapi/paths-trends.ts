import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiOperationObject } from "zod-openapi";
import { addIgaPeerInput, updateIgaPeerInput } from "@/lib/trends/iga-peers";
import { errors, json, ok } from "./common";

/* The IGA trend's comparison regions (peers); merged into the document by ./document.ts. */

const peerResult = z
  .object({
    peerCode: z.string().meta({ description: "Kemendagri code of the compared kabupaten/kota", example: "18.05" }),
    peerName: z.string().meta({ example: "Kabupaten Tulang Bawang" }),
    provinceName: z.string().nullable(),
    year: z.int(),
    nationalRank: z.int().nullable(),
    provinceRank: z.int().nullable().meta({ description: "Rank within the peer's own province" }),
    source: z.string().meta({ description: "Decree number or URL" }),
    version: z
      .int()
      .meta({ description: "Send it back with PUT or DELETE: a stale version is refused with 409 iga_peer_stale" }),
  })
  .meta({ id: "IgaPeerResult" });

const key = z.object({
  peerCode: z.string().meta({ example: "18.05" }),
  year: z.string().meta({ example: "2023" }),
});

function op(
  operationId: string,
  summary: string,
  rest: Omit<ZodOpenApiOperationObject, "operationId">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["dashboard"], summary, ...rest };
}

export const trendPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/iga/peers": {
    get: op("listIgaPeerResults", "The comparison regions' IGA ranks per year (the caller's region's list)", {
      responses: { 200: ok("By peer name, then year", z.object({ items: z.array(peerResult) })), ...errors(401, 403) },
    }),
    post: op("addIgaPeerResult", "Add a comparison region's result for a year (admin, Bappeda); audited", {
      description:
        "`peerCode` is any kabupaten/kota of the national area codes but the caller's own; at least one rank and a source are required.",
      requestBody: { required: true, content: json(addIgaPeerInput) },
      responses: { 201: ok("The stored result, version 1", peerResult), ...errors(401, 403, 409, 422) },
    }),
  },
  "/api/v1/iga/peers/{peerCode}/{year}": {
    put: op("updateIgaPeerResult", "Correct a comparison region's result (admin, Bappeda); audited", {
      requestParams: { path: key },
      requestBody: { required: true, content: json(updateIgaPeerInput) },
      responses: {
        200: ok("The stored result; `version` is one higher", peerResult),
        ...errors(401, 403, 404, 409, 422),
      },
    }),
    delete: op("removeIgaPeerResult", "Remove a comparison region's result (admin, Bappeda); audited", {
      requestParams: {
        path: key,
        query: z.object({ version: z.string().meta({ description: "The version you read", example: "1" }) }),
      },
      responses: { 200: ok("Removed", z.object({ removed: z.literal(true) })), ...errors(401, 403, 404, 409, 422) },
    }),
  },
};
