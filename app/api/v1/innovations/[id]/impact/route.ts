import { innovationImpact } from "@/lib/beneficiaries/impact";
import { apiHandler } from "@/lib/http/api";

type Params = { id: string };

/** Aggregates of one innovation's service records (`?year=` optional); no NIK, no names. */
export const GET = apiHandler<Params>(async ({ req, ctx, params }) => {
  const year = new URL(req.url).searchParams.get("year") ?? undefined;
  return innovationImpact({ ctx, innovationId: params.id, query: { year } });
});
