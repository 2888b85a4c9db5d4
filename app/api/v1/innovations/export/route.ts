import { apiHandler } from "@/lib/http/api";
import { prepareInnovationExport } from "@/lib/innovations/export-innovations";
import { csvStream, EXPORT_CONTENT_TYPES, exportDate, xlsxStream } from "@/lib/innovations/export-stream";
import { VIEW_PARAMS } from "@/lib/innovations/list-params";
import { pickParams } from "@/lib/innovations/list-search-params";
import { requestLogger } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/innovations/export?format=csv|xlsx&<the list's filters and sort>: the whole view as
 * a file. Permission, filters and the row count are checked before streaming starts, so those
 * failures still get a JSON error with its status; apiHandler passes the streaming Response on.
 */
export const GET = apiHandler(async ({ req, ctx }) => {
  const input = pickParams(new URL(req.url).searchParams, [...VIEW_PARAMS, "format"]);
  const view = await prepareInnovationExport({ ctx, input });
  const log = requestLogger(ctx.requestId);
  // A download the client abandons (closed tab, cancelled save) is not a server error.
  const onError = (err: unknown) =>
    err instanceof Error && err.name === "ResponseAborted"
      ? log.info("innovation export abandoned by the client")
      : log.error({ err }, "innovation export failed while streaming");
  const body = view.format === "xlsx" ? xlsxStream(view.pages, onError) : csvStream(view.pages, onError);
  return new Response(body, {
    headers: {
      "Content-Type": EXPORT_CONTENT_TYPES[view.format],
      "Content-Disposition": `attachment; filename="inovasi-mesuji-${exportDate()}.${view.format}"`,
      "Cache-Control": "no-store",
      "X-Total-Count": String(view.total),
      "X-Export-Truncated": String(view.truncated),
    },
  });
});
