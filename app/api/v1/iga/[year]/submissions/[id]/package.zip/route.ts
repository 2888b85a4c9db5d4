import { apiHandler } from "@/lib/http/api";
import { downloadResponse, submissionPackage } from "@/lib/submissions/downloads";
import { pathYear } from "../../../../request";

export const GET = apiHandler<{ year: string; id: string }>(async ({ ctx, params }) =>
  downloadResponse(await submissionPackage({ ctx, year: pathYear(params), id: params.id })),
);
