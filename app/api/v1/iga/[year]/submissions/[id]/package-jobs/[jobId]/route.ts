import { apiHandler } from "@/lib/http/api";
import { packageJobStatus } from "@/lib/submissions/package-jobs";

export const GET = apiHandler<{ year: string; id: string; jobId: string }>(async ({ ctx, params }) =>
  packageJobStatus({ ctx, jobId: params.jobId }),
);
