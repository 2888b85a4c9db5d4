import { type Ctx, requirePermission } from "@/lib/auth/context";
import { checkPackage } from "./verify";
import { checkManifestSnapshot } from "./verify-snapshot";

/**
 * The UI's verify: an uploaded package checked against its manifest and the manifest against the
 * frozen snapshot in this database. Same checks as `npm run cli -- verify`.
 */
export async function verifyUploadedPackage({ ctx, bytes }: { ctx: Ctx; bytes: Buffer }) {
  requirePermission(ctx, "iga.submission.read");
  const check = await checkPackage(bytes);
  const snapshot = await checkManifestSnapshot({ ctx, manifest: check.manifest });
  return {
    intact: check.mismatches.length === 0 && snapshot === "match",
    snapshot: check.manifest.snapshot,
    snapshotMatch: snapshot,
    files: check.files,
    mismatches: check.mismatches,
  };
}
