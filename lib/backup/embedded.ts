import fs from "node:fs";
import path from "node:path";
import type { DatabaseHandle } from "@/db/client";
import { openDatabase } from "@/db/client";
import { lockHolder } from "@/db/data-dir-lock";
import { ValidationError } from "@/lib/errors";

/**
 * Backup and restore of the embedded database. A backup is PGlite's own dump of its data
 * directory (a gzipped tarball), taken through the one connection the app holds: it runs between
 * statements, so it is consistent and the app keeps running. Evidence files live in the database,
 * so they are in it; the keys (DATA_DIR/nik-keys.json, auth-secret) are not and are kept apart.
 * On a PostgreSQL server use pg_dump / pg_basebackup (README).
 */
export async function backupTo(handle: DatabaseHandle, file: string): Promise<{ bytes: number }> {
  if (!handle.dumpDataDir) throw ValidationError.field("file", "v.backupServer");
  const dump = Buffer.from(await (await handle.dumpDataDir()).arrayBuffer());
  // Written beside the target and renamed, so a crash never leaves half a backup under its name.
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, dump, { mode: 0o600 });
  fs.renameSync(partial, target);
  return { bytes: dump.length };
}

/** Restores a backup into a DATA_DIR that holds no database yet and that no process holds. */
export async function restoreFrom(file: string, dataDir: string): Promise<void> {
  if (!fs.existsSync(file)) throw ValidationError.field("file", "v.fileMissing");
  if (lockHolder(dataDir)) throw ValidationError.field("dataDir", "v.restoreInUse");
  const pgdata = path.join(dataDir, "pgdata");
  if (fs.existsSync(pgdata) && fs.readdirSync(pgdata).length > 0)
    throw ValidationError.field("dataDir", "v.restoreNotEmpty");
  const handle = await openDatabase({ dataDir, loadDataDir: new Blob([new Uint8Array(fs.readFileSync(file))]) });
  await handle.close();
}
