import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { readerLocale } from "@/lib/http/locale";
import { queryFlag, readMultipartFile } from "@/lib/http/request";
import { ImportFileError, MAX_FILE_BYTES } from "@/lib/innovations/import/parse";
import { importInnovations } from "@/lib/innovations/import/run-import";

/**
 * POST multipart/form-data with a `file` (XLSX or CSV); `?dryRun=true` only checks. Answers the
 * import report: 200 for a dry run or an applied import, 422 (report plus `error`) when a real
 * run wrote nothing because rows were rejected, 422 `{ error }` when the file is refused whole.
 */
export const POST = apiHandler(async ({ req, ctx }) => {
  // Checked before the body is read, so an unauthorised caller cannot make the server parse 5 MB.
  requirePermission(ctx, "innovation.write");
  const dryRun = queryFlag(req, "dryRun");
  const { file } = await readMultipartFile(req);
  if (file.size > MAX_FILE_BYTES)
    throw new ImportFileError("import_too_large", { maxMb: MAX_FILE_BYTES / 1024 / 1024 });
  const bytes = new Uint8Array(await file.arrayBuffer());
  const report = await importInnovations({
    ctx,
    input: { file: { name: file.name, bytes }, dryRun, locale: readerLocale(req) },
  });
  if (dryRun || report.applied) return report;
  return Response.json({ ...report, error: { code: "import_rejected", message: report.message } }, { status: 422 });
});
