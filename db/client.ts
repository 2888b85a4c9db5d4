import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireDataDirLock } from "./data-dir-lock";
import { secureDataDir } from "./data-dir-permissions";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

/** A statement's rows, whichever driver returned them: postgres.js an array, PGlite `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
export type DatabaseKind = "pglite" | "postgresql";

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** Embedded only: a consistent gzipped tarball of the data directory (PGlite's dumpDataDir). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means in memory. */
  dataDir?: string;
  /** A prepared PGlite data directory dump (tests load a migrated template this way). */
  loadDataDir?: Blob | File;
  maxConnections?: number;
  /** Called with the text of every statement the app issues (tests/integration/partitioning.test.ts explains them). */
  onQuery?: (query: string, params: unknown[]) => void;
}

const migrationsFolder = () => path.join(process.cwd(), "db", "migrations");

function queryLogger(options: OpenOptions) {
  const onQuery = options.onQuery;
  return onQuery ? { logQuery: (query: string, params: unknown[]) => onQuery(query, params) } : undefined;
}

/** The one place a connection is made. */
export async function openDatabase(options: OpenOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const sql = postgres(options.url, { max: options.maxConnections ?? 10, onnotice: () => {} });
    const db = drizzlePostgres(sql, { schema, logger: queryLogger(options) }) as unknown as Db;
    return { db, kind: "postgresql", close: () => sql.end({ timeout: 5 }) };
  }
  if (options.dataDir) secureDataDir(options.dataDir);
  const release = options.dataDir ? acquireDataDirLock(options.dataDir) : () => {};
  try {
    const client = options.dataDir
      ? new PGlite(
          path.resolve(options.dataDir, "pgdata"),
          options.loadDataDir ? { loadDataDir: options.loadDataDir } : {},
        )
      : new PGlite({ loadDataDir: options.loadDataDir });
    await client.waitReady;
    // PGlite makes its files 0666 whatever the umask: tighten what it created while opening.
    if (options.dataDir) secureDataDir(options.dataDir);
    const db = drizzlePglite(client, { schema, logger: queryLogger(options) }) as unknown as Db;
    return {
      db,
      kind: "pglite",
      dumpDataDir: async () => (await client.dumpDataDir("gzip")) as Blob,
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const config = { migrationsFolder: migrationsFolder() };
  if (handle.kind === "postgresql") {
    await migratePostgres(handle.db as never, config);
  } else {
    await migratePglite(handle.db as never, config);
  }
}
