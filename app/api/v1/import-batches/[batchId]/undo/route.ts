import { undoBatch } from "@/lib/beneficiaries/batches";
import { apiHandler } from "@/lib/http/api";

/** Removes every service record the batch brought (409 `batch_not_undoable` unless it is done). */
export const POST = apiHandler<{ batchId: string }>(async ({ ctx, params }) =>
  undoBatch({ ctx, input: { batchId: params.batchId } }),
);
