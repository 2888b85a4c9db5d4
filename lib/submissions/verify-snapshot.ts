import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { sha256Of } from "./canonical";
import type { Manifest } from "./package/manifest";
import { getSubmission } from "./queries";

/**
 * The manifest against the database: the snapshot it names exists in the caller's region, its
 * stored hash is the manifest's, and its stored content still hashes to it.
 */
export type SnapshotMatch = "match" | "mismatch" | "not_found";

export async function checkManifestSnapshot({
  ctx,
  manifest,
}: {
  ctx: Ctx;
  manifest: Manifest;
}): Promise<SnapshotMatch> {
  try {
    const s = await getSubmission({ ctx, year: manifest.snapshot.year, id: manifest.snapshot.id });
    return s.sha256 === manifest.snapshot.sha256 && sha256Of(s.content) === s.sha256 ? "match" : "mismatch";
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return "not_found";
    throw e;
  }
}
