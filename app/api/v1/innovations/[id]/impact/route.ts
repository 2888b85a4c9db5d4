import { innovationImpact } from "@/lib/beneficiaries/impact";
import { apiHandler } from "@/lib/http/api";
import { queryParam } from "@/lib/http/request";

/** Aggregates of one innovation's service records (`?year=` optional); no NIK, no names. */
export const GET = apiHandler<{ id: string }>(async ({ req, ctx, params }) =>
  innovationImpact({ ctx, innovationId: params.id, query: { year: queryParam(req, "year") ?? undefined } }),
);
