import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readJson } from "@/lib/http/request";
import { saveIgaResult } from "@/lib/trends/iga-results";

type Params = { year: string };

/** Creates or corrects one year's result (admin, Bappeda); send the `version` you read (0 for a new year). */
export const PUT = apiHandler<Params>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "iga.results.write");
  return saveIgaResult({ ctx, year: params.year, input: await readJson(req) });
});
