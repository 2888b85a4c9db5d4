import { apiHandler } from "@/lib/http/api";
import { downloadResponse, submissionBookFile } from "@/lib/submissions/downloads";
import { pathYear } from "../../../../request";

export const GET = apiHandler<{ year: string; id: string }>(async ({ ctx, params }) =>
  downloadResponse(await submissionBookFile({ ctx, year: pathYear(params), id: params.id })),
);
