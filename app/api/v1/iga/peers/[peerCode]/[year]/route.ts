import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { queryParam, readJson } from "@/lib/http/request";
import { removeIgaPeerResult, updateIgaPeerResult } from "@/lib/trends/iga-peers";

type Params = { peerCode: string; year: string };

/** Corrects one comparison result; send the `version` you read. */
export const PUT = apiHandler<Params>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "iga.results.write");
  return updateIgaPeerResult({
    ctx,
    key: { peerCode: params.peerCode, year: params.year },
    input: await readJson(req),
  });
});

/** Removes one comparison result; `?version=` is the version you read. */
export const DELETE = apiHandler<Params>(async ({ req, ctx, params }) =>
  removeIgaPeerResult({
    ctx,
    input: { peerCode: params.peerCode, year: params.year, version: queryParam(req, "version") },
  }),
);
