import { randomBytes } from "node:crypto";
import path from "node:path";
import postgres from "postgres";
import { type DatabaseHandle, openDatabase } from "@/db/client";

/** A database a second process works in (and is killed in), then this process opens. */
export interface KillTarget {
  name: string;
  setup: () => Promise<{ target: string; open: () => Promise<DatabaseHandle>; drop: () => Promise<void> }>;
}

/**
 * PGlite in a data directory under `tmp`, and the server named by TEST_DATABASE_URL when set (a new
 * database per setup, dropped again). `target` is what the child process opens.
 */
export function killTargets(tmp: string, label: string): KillTarget[] {
  const targets: KillTarget[] = [
    {
      name: "pglite",
      setup: async () => {
        const dataDir = path.join(tmp, `data-${randomBytes(3).toString("hex")}`);
        return { target: dataDir, open: () => openDatabase({ dataDir }), drop: async () => {} };
      },
    },
  ];
  const url = process.env.TEST_DATABASE_URL;
  if (url)
    targets.push({
      name: "postgresql",
      setup: async () => {
        const name = `inovasi_${label}_${randomBytes(5).toString("hex")}`;
        const admin = postgres(url, { max: 1, onnotice: () => {} });
        await admin.unsafe(`CREATE DATABASE ${name}`);
        const dbUrl = new URL(url);
        dbUrl.pathname = `/${name}`;
        return {
          target: dbUrl.toString(),
          open: () => openDatabase({ url: dbUrl.toString(), maxConnections: 3 }),
          drop: async () => {
            await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            await admin.end();
          },
        };
      },
    });
  return targets;
}
