import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/client";

/**
 * A fresh database for one benchmark run: a new database on the server at `url` (named
 * `<prefix>_<random>`), or PGlite in a temporary directory. `close` drops it again.
 */
export async function openBenchDatabase(
  target: string,
  url: string,
  label: string,
  prefix = `inovasi_${label}`,
): Promise<{ handle: DatabaseHandle; close: () => Promise<void> }> {
  if (target === "postgresql") {
    const name = `${prefix}_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = await openDatabase({ url: dbUrl.toString(), maxConnections: 4 });
    return {
      handle,
      close: async () => {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `inovasi-${label}-pglite-`));
  const handle = await openDatabase({ dataDir });
  return {
    handle,
    close: async () => {
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
