import type { Ctx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { sha256Of } from "./canonical";
import type { Manifest } from "./package/manifest";
import { evidenceEntries } from "./package/paths";
import { getSubmission } from "./queries";

/**
 * The manifest against the database: the snapshot it names exists in the caller's region, its
 * stored hash is the manifest's, its stored content still hashes to it, and every evidence file
 * the manifest lists is the one the snapshot recorded (same path, same SHA-256, none left out), so
 * a file replaced together with its manifest line is caught too.
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
    if (s.sha256 !== manifest.snapshot.sha256 || sha256Of(s.content) !== s.sha256) return "mismatch";
    const recorded = new Map(evidenceEntries(s.content).map((e) => [e.path, e.evidence.sha256]));
    const listed = manifest.files.filter((f) => f.path.startsWith("bukti/"));
    const same = listed.length === recorded.size && listed.every((f) => recorded.get(f.path) === f.sha256);
    return same ? "match" : "mismatch";
  } catch (e) {
    if (e instanceof AppError && e.status === 404) return "not_found";
    throw e;
  }
}
