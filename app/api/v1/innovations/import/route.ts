import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { ImportFileError, MAX_FILE_BYTES } from "@/lib/innovations/import/parse";
import { importInnovations } from "@/lib/innovations/import/run-import";
import { readerLocale } from "@/lib/http/locale";

/**
 * POST multipart/form-data with a `file` (XLSX or CSV); `?dryRun=true` only checks. Answers the
 * import report: 200 for a dry run or an applied import, 422 (report plus `error`) when a real
 * run wrote nothing because rows were rejected, 422 `{ error }` when the file is refused whole.
 */
export const POST = apiHandler(async ({ req, ctx }) => {
  // Checked before the body is read, so an unauthorised caller cannot make the server parse 5 MB.
  requirePermission(ctx, "innovation.write");
  const dryRun = ["true", "1"].includes(new URL(req.url).searchParams.get("dryRun") ?? "");
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!(file instanceof File) || file.size === 0) throw new ImportFileError(file instanceof File ? "import_empty" : "import_no_file");
  if (file.size > MAX_FILE_BYTES) throw new ImportFileError("import_too_large", { maxMb: MAX_FILE_BYTES / 1024 / 1024 });
  const locale = readerLocale(req);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const report = await importInnovations({ ctx, input: { file: { name: file.name, bytes }, dryRun, locale } });
  if (dryRun || report.applied) return report;
  return Response.json({ ...report, error: { code: "import_rejected", message: report.message } }, { status: 422 });
});
