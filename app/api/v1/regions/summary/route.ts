import { apiHandler } from "@/lib/http/api";
import { regionSummary } from "@/lib/regions/summary";

/** The regions in the province's (or the nation's) reach side by side for a year; aggregates only. */
export const GET = apiHandler(async ({ req, ctx }) => {
  const input = Object.fromEntries(new URL(req.url).searchParams);
  return regionSummary({ ctx, input });
});
