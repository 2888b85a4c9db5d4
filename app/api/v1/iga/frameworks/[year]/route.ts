import { apiHandler } from "@/lib/http/api";
import { getFramework } from "@/lib/iga/frameworks";
import { pathYear } from "../../request";

export const GET = apiHandler<{ year: string }>(async ({ ctx, params }) => getFramework({ ctx, year: pathYear(params) }));
