import { crossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { apiHandler } from "@/lib/http/api";
import { queryParam } from "@/lib/http/request";

/** Residents reached by several innovations: counts and the commonest combinations (`?year=`, `?limit=`). */
export const GET = apiHandler(async ({ req, ctx }) =>
  crossProgrammeSummary({
    ctx,
    query: { year: queryParam(req, "year") ?? undefined, limit: queryParam(req, "limit") ?? undefined },
  }),
);
