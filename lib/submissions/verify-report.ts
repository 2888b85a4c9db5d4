import type { SnapshotMatch } from "./verify-snapshot";
import type { PackageCheck } from "./verify";

/** The verify command's report, one line per finding; the last line says whether the package is intact. */
export function verifyLines(
  check: PackageCheck,
  snapshot: SnapshotMatch | "unreachable",
): { lines: string[]; ok: boolean } {
  const m = check.manifest;
  const lines = [
    `Package of snapshot ${m.snapshot.id} (IGA ${m.snapshot.year}, SHA-256 ${m.snapshot.sha256}), app ${m.appVersion}`,
  ];
  for (const x of check.mismatches) {
    const detail = x.expected !== undefined ? ` (manifest: ${x.expected}, file: ${x.actual})` : "";
    lines.push(`MISMATCH ${x.kind}: ${x.path}${detail}`);
  }
  const snapshotLine: Record<typeof snapshot, string> = {
    match: "Snapshot: the manifest's hash and evidence files match the frozen snapshot in the database",
    mismatch:
      "MISMATCH snapshot: the manifest differs from the frozen snapshot in the database (its hash or an evidence file's)",
    not_found: "MISMATCH snapshot: the database holds no such snapshot for this region",
    unreachable: "Snapshot: database not reachable, the manifest was not checked against the snapshot",
  };
  lines.push(snapshotLine[snapshot]);
  const failures = check.mismatches.length + (snapshot === "mismatch" || snapshot === "not_found" ? 1 : 0);
  const ok = failures === 0;
  lines.push(ok ? `OK: all ${check.files} files match the manifest` : `FAILED: ${failures} mismatches`);
  return { lines, ok };
}
