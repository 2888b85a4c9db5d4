import { apiHandler } from "@/lib/http/api";
import { NotFoundError } from "@/lib/errors";
import { submissionView } from "@/lib/iga/submission-view";
import { pathInnovationId, pathYear } from "../../../../request";

/** One innovation's submission for the year: status, version, notes, what blocks it, history. */
export const GET = apiHandler<{ year: string; innovationId: string }>(async ({ ctx, params }) => {
  const view = await submissionView({ ctx, year: pathYear(params), innovationId: pathInnovationId(params) });
  if (!view) throw new NotFoundError("framework");
  return view;
});
