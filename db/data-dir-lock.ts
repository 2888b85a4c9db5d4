import fs from "node:fs";
import path from "node:path";

/**
 * PGlite serves one process at a time. The process that opens an embedded data directory holds
 * this lock; a second one gets a clear error instead of corrupting the files.
 */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (PID ${pid}). ` +
        `Stop that process, or run CLI commands while the app is running (they go through the app).`,
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const exitHooks = new Set<string>();

export function lockPath(dataDir: string) {
  return path.join(dataDir, "pglite.lock");
}

/** The PID holding the data directory, or null when it is free (a stale lock counts as free). */
export function lockHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(lockPath(dataDir), "utf8").trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

export function acquireDataDirLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = lockPath(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.unlinkSync(file);
        } catch {
          /* already gone */
        }
      };
      if (!exitHooks.has(file)) {
        exitHooks.add(file);
        process.once("exit", release);
      }
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = lockHolder(dataDir);
      if (holder) throw new DataDirBusyError(dataDir, holder);
      const content = fs.readFileSync(file, "utf8").trim();
      if (content === String(process.pid)) return () => {};
      fs.unlinkSync(file); // stale: its process is gone
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
