import { dashboardSummary } from "@/lib/analytics/dashboard";
import { apiHandler } from "@/lib/http/api";

/** The leaders' dashboard as JSON: every chart for the filters in the query; aggregates only. */
export const GET = apiHandler(async ({ req, ctx }) => {
  const input = Object.fromEntries(new URL(req.url).searchParams);
  return dashboardSummary({ ctx, input });
});
