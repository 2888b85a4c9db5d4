import { getBatch } from "@/lib/beneficiaries/batches";
import { apiHandler } from "@/lib/http/api";

/** One batch: status, progress while it runs, and its report. */
export const GET = apiHandler<{ batchId: string }>(async ({ ctx, params }) => getBatch(ctx, params.batchId));
