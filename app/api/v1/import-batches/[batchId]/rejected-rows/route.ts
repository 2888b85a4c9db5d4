import { rejectedRowsCsv } from "@/lib/beneficiaries/batches";
import { apiHandler } from "@/lib/http/api";

/** The rejected rows as CSV, to fix and upload again; only for the uploader (they hold NIKs). */
export const GET = apiHandler<{ batchId: string }>(async ({ ctx, params }) => {
  const { csv, fileName } = await rejectedRowsCsv({ ctx, input: { batchId: params.batchId } });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
