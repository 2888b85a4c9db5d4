import fs from "node:fs";
import path from "node:path";

/**
 * The embedded database's files hold the register (encrypted NIKs, HMACs, birth dates, areas): only
 * the app's own account may read them. PGlite creates its files world-readable and writable (0666)
 * whatever the umask, so before and after every open the data directory is set to 0700 and
 * everything in it to 0600 (directories 0700). A file PGlite adds while running (a new table's) is
 * 0666 until the next start, but inside a 0700 directory no other account can reach it. The umask
 * becomes 0077 so the app's own files (keys, spools) are born private. Answers how many entries
 * had to be corrected.
 */
export function secureDataDir(dataDir: string): number {
  try {
    process.umask(0o077);
  } catch {
    /* a worker thread may not change the umask; the chmods below still apply */
  }
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  let fixed = 0;
  const visit = (entry: string, isDir: boolean) => {
    const want = isDir ? 0o700 : 0o600;
    const mode = fs.lstatSync(entry).mode & 0o777;
    if (mode !== want) {
      fs.chmodSync(entry, want);
      fixed++;
    }
    if (!isDir) return;
    for (const child of fs.readdirSync(entry, { withFileTypes: true })) {
      if (child.isSymbolicLink()) continue;
      visit(path.join(entry, child.name), child.isDirectory());
    }
  };
  visit(dataDir, true);
  return fixed;
}

/** Entries under `dataDir` (itself included) whose mode lets anyone but the owner in. */
export function looseEntries(dataDir: string): string[] {
  const loose: string[] = [];
  const visit = (entry: string) => {
    const stat = fs.lstatSync(entry);
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & 0o077) !== 0) loose.push(entry);
    if (stat.isDirectory()) for (const child of fs.readdirSync(entry)) visit(path.join(entry, child));
  };
  visit(dataDir);
  return loose;
}
