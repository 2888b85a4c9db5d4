import { apiHandler } from "@/lib/http/api";
import { assessmentsResponse } from "@/lib/iga/assessment-api";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import type { SetLevelInput } from "@/lib/iga/schemas";
import { pathYear, readObject } from "../../request";

/** `?innovationId=`: that innovation's indicators; without it, the region-wide ones. */
export const GET = apiHandler<{ year: string }>(async ({ req, ctx, params }) =>
  assessmentsResponse({ ctx, year: pathYear(params), innovationId: new URL(req.url).searchParams.get("innovationId") || null }),
);

/** Sets (or clears, `level: null`) one indicator's level; the year comes from the path. */
export const PUT = apiHandler<{ year: string }>(async ({ req, ctx, params }) => {
  const year = pathYear(params);
  const body = await readObject(req);
  return setIndicatorLevel({ ctx, input: { ...body, year } as SetLevelInput });
});
