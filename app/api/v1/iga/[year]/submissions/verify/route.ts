import { requirePermission } from "@/lib/auth/context";
import { apiHandler } from "@/lib/http/api";
import { verifyUploadedPackage } from "@/lib/submissions/verify-upload";

/** The body is the package itself (application/zip). Larger packages: `npm run cli -- verify`. */
export const POST = apiHandler(async ({ req, ctx }) => {
  requirePermission(ctx, "iga.submission.read"); // before the body is read
  return verifyUploadedPackage({ ctx, bytes: Buffer.from(await req.arrayBuffer()) });
});
