import { apiHandler } from "@/lib/http/api";
import { regionScore, scoreResponse } from "@/lib/iga/region-score";
import { pathYear } from "../../request";

export const GET = apiHandler<{ year: string }>(async ({ ctx, params }) => scoreResponse((await regionScore({ ctx, year: pathYear(params) })).result));
