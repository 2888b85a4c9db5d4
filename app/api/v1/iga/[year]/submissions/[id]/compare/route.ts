import { apiHandler } from "@/lib/http/api";
import { compareSubmissions } from "@/lib/submissions/compare-submissions";
import { pathYear } from "../../../../request";

/** `?with=<other snapshot id>`: what changed from this snapshot to the other. */
export const GET = apiHandler<{ year: string; id: string }>(async ({ req, ctx, params }) =>
  compareSubmissions({
    ctx,
    year: pathYear(params),
    id: params.id,
    other: new URL(req.url).searchParams.get("with") ?? "",
  }),
);
