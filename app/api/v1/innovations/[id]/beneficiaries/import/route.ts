import { requirePermission } from "@/lib/auth/context";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { apiHandler } from "@/lib/http/api";
import { readerLocale } from "@/lib/http/locale";
import { uploadName } from "@/lib/http/request";
import { importQuery, uploadedFile } from "../request-options";
import { strictFailure } from "../responses";

/**
 * POST a CSV (`text/csv` body) or a multipart `file` (CSV or XLSX) of service records.
 * `?dryRun=true` only checks; `?mode=strict` writes nothing when a row is rejected (422).
 */
export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  requirePermission(ctx, "beneficiary.import");
  const { dryRun, mode, columns } = importQuery(req);
  const locale = readerLocale(req);
  const report = await importServiceRecords(ctx, {
    innovationId: params.id,
    open: async () => {
      const file = await uploadedFile(req);
      return openRecordFile(file.body, file.fileName);
    },
    fileName: uploadName(req),
    dryRun,
    mode,
    locale,
    source: "api",
    apiClient: ctx.actor?.kind === "token" ? `token:${ctx.actor.email}` : null,
    columns,
  });
  return report.status === "failed" ? strictFailure(report, locale) : report;
});
