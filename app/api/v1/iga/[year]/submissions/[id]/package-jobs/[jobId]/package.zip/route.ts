import { apiHandler } from "@/lib/http/api";
import { downloadResponse } from "@/lib/submissions/downloads";
import { packageJobFile } from "@/lib/submissions/package-jobs";

export const GET = apiHandler<{ year: string; id: string; jobId: string }>(async ({ ctx, params }) =>
  downloadResponse(packageJobFile({ ctx, jobId: params.jobId })),
);
