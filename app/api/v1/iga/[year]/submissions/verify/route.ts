import { requirePermission } from "@/lib/auth/context";
import { env } from "@/lib/config/env";
import { apiHandler } from "@/lib/http/api";
import { NoFileError } from "@/lib/http/request";
import { streamedUpload } from "@/lib/http/streamed-upload";
import { verifyUploadedPackage } from "@/lib/submissions/verify-upload";

/** The body is the package itself (application/zip, or a form's `file`), streamed to a temporary file. */
export const POST = apiHandler(async ({ req, ctx }) => {
  requirePermission(ctx, "iga.submission.read"); // before the body is read
  const upload = await streamedUpload(req, env().VERIFY_MAX_BYTES);
  if (!upload) throw new NoFileError();
  return verifyUploadedPackage({ ctx, body: upload.body });
});
