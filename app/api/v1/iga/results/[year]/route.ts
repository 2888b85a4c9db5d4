import { apiHandler, readJson } from "@/lib/http/api";
import { saveIgaResult } from "@/lib/trends/iga-results";

type Params = { year: string };

/** Creates or corrects one year's result (admin, Bappeda); send the `version` you read (0 for a new year). */
export const PUT = apiHandler<Params>(async ({ req, ctx, params }) => saveIgaResult({ ctx, year: params.year, input: await readJson(req) }));
