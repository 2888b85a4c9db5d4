import { apiHandler } from "@/lib/http/api";
import { queryParam, readJsonObject } from "@/lib/http/request";
import { assessmentsResponse } from "@/lib/iga/assessment-api";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { requirePermission } from "@/lib/auth/context";
import { pathYear } from "../../request";

/** `?innovationId=`: that innovation's indicators; without it, the region-wide ones. */
export const GET = apiHandler<{ year: string }>(async ({ req, ctx, params }) =>
  assessmentsResponse({ ctx, year: pathYear(params), innovationId: queryParam(req, "innovationId") || null }),
);

/** Sets (or clears, `level: null`) one indicator's level; the year comes from the path. */
export const PUT = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "iga.assess");
  const year = pathYear(params);
  return setIndicatorLevel({ ctx, input: { ...(await readJsonObject(req)), year } });
});
