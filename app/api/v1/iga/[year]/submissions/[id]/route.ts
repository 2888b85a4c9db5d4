import { apiHandler } from "@/lib/http/api";
import { getSubmission, submissionResponse } from "@/lib/submissions/queries";
import { pathYear } from "../../../request";

export const GET = apiHandler<{ year: string; id: string }>(async ({ ctx, params }) =>
  submissionResponse(await getSubmission({ ctx, year: pathYear(params), id: params.id })),
);
