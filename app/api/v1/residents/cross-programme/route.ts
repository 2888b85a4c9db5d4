import { crossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { apiHandler } from "@/lib/http/api";

/** Residents reached by several innovations: counts and the commonest combinations (`?year=`, `?limit=`). */
export const GET = apiHandler(async ({ req, ctx }) => {
  const params = new URL(req.url).searchParams;
  return crossProgrammeSummary({ ctx, query: { year: params.get("year") ?? undefined, limit: params.get("limit") ?? undefined } });
});
