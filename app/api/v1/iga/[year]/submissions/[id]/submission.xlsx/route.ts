import { apiHandler } from "@/lib/http/api";
import { downloadResponse, submissionWorkbookFile } from "@/lib/submissions/downloads";
import { pathYear } from "../../../../request";

export const GET = apiHandler<{ year: string; id: string }>(async ({ ctx, params }) =>
  downloadResponse(await submissionWorkbookFile({ ctx, year: pathYear(params), id: params.id })),
);
