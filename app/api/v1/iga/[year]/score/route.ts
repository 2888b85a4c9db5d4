import { apiHandler } from "@/lib/http/api";
import { queryParam } from "@/lib/http/request";
import { regionScore, scoreResponse } from "@/lib/iga/region-score";
import { pathYear } from "../../request";

/**
 * `?basis=accepted` counts only accepted evidence; by default evidence not yet reviewed counts too.
 * `?counting=ready` adds the innovations marked ready ("if you submitted today"); by default only
 * submitted (or verified) innovations count toward n and SID.
 */
export const GET = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  const basis = queryParam(req, "basis") === "accepted" ? "accepted" : "estimate";
  const counting = queryParam(req, "counting") === "ready" ? "ready" : "submitted";
  return { ...scoreResponse((await regionScore({ ctx, year: pathYear(params), basis, counting })).result), counting };
});
