import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * Private temporary directories (mode 0700) for work in progress: a submission package being
 * built, an upload being spooled or verified. Each name carries the process id, so a directory
 * left behind by a process that was killed (SIGKILL, a power cut) is recognised at the next start
 * and removed — a package half written or an upload half spooled never lingers — while the
 * directories of other running instances are left alone.
 */

const PREFIX = "inovasi-";
const NAME = /^inovasi-[a-z]+-(\d+)-/;

export function makeTempDir(kind: "package" | "import" | "verify"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${PREFIX}${kind}-${process.pid}-`));
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // exists, but not ours to signal
  }
}

/** Removes the temporary directories of processes that no longer run; returns how many. */
export function sweepOrphanTempDirs(dir = os.tmpdir()): number {
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    const match = NAME.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || alive(pid)) continue;
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}
