import { apiHandler } from "@/lib/http/api";
import { runPreflight } from "@/lib/submissions/preflight";
import { pathYear } from "../../../request";

export const GET = apiHandler<{ year: string }>(async ({ ctx, params }) =>
  runPreflight({ ctx, year: pathYear(params) }),
);
