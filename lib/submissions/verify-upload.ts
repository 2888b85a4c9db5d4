import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { UploadTooLargeError } from "@/lib/beneficiaries/import/file-error";
import type { ByteStream } from "@/lib/beneficiaries/import/sources";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { makeTempDir } from "@/lib/files/temp-dirs";
import { checkPackage } from "./verify";
import { checkManifestSnapshot } from "./verify-snapshot";

/** Over VERIFY_MAX_BYTES: 413 with the limit in words. */
export class PackageTooLargeError extends AppError {
  constructor(limit: string) {
    super(413, "package_too_large", { limit });
  }
}

/**
 * The uploaded bytes in a private temporary file (a ZIP is read from its end, so it cannot be
 * checked as it streams; a file keeps memory flat however large the package).
 */
async function spool(body: ByteStream): Promise<{ file: string; dispose: () => Promise<void> }> {
  const dir = makeTempDir("verify");
  const file = path.join(dir, "package.zip");
  const dispose = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    await pipeline(Readable.from(body), fs.createWriteStream(file, { mode: 0o600 }));
    return { file, dispose };
  } catch (e) {
    await dispose();
    if (e instanceof UploadTooLargeError) throw new PackageTooLargeError(String(e.params?.limit ?? ""));
    throw e;
  }
}

/**
 * The UI's verify: an uploaded package checked against its manifest and the manifest against the
 * frozen snapshot in this database. Same checks as `npm run cli -- verify`.
 */
export async function verifyUploadedPackage({ ctx, body }: { ctx: Ctx; body: ByteStream }) {
  requirePermission(ctx, "iga.submission.read");
  const { file, dispose } = await spool(body);
  try {
    const check = await checkPackage(file);
    const snapshot = await checkManifestSnapshot({ ctx, manifest: check.manifest });
    return {
      intact: check.mismatches.length === 0 && snapshot === "match",
      snapshot: check.manifest.snapshot,
      snapshotMatch: snapshot,
      files: check.files,
      mismatches: check.mismatches,
    };
  } finally {
    await dispose();
  }
}
