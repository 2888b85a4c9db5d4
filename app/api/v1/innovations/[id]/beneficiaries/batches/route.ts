import { listBatches } from "@/lib/beneficiaries/batches";
import { apiHandler } from "@/lib/http/api";

/** The import batches of one innovation (dry runs included), newest first. */
export const GET = apiHandler<{ id: string }>(async ({ ctx, params }) => ({
  batches: await listBatches({ ctx, input: { innovationId: params.id } }),
}));
