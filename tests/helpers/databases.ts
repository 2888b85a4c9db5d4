import fs from "node:fs";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { prepareDatabase } from "@/lib/db-bootstrap";

export interface TestDatabase {
  name: "pglite" | "postgresql";
  open: () => Promise<DatabaseHandle>;
}

async function openPglite(): Promise<DatabaseHandle> {
  const bytes = fs.readFileSync(inject("pgliteTemplate"));
  return openDatabase({ loadDataDir: new Blob([bytes]) });
}

/** A fresh database on the server named by TEST_DATABASE_URL, dropped again on close. */
export async function openPostgres(
  url: string,
  options: { onQuery?: (query: string, params: unknown[]) => void } = {},
): Promise<DatabaseHandle> {
  const name = `inovasi_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: dbUrl.toString(), maxConnections: 5, onQuery: options.onQuery });
  await prepareDatabase(handle, {
    seedDemo: false,
    demoPassword: "unused-password",
    regionCode: "18.11",
    // TEST_DB_PARTITIONING=region runs the suite on tables partitioned by region (docs/scaling.md).
    partitioning: process.env.TEST_DB_PARTITIONING === "region" ? "region" : "none",
  });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set. */
export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ name: "pglite", open: openPglite }];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push({ name: "postgresql", open: () => openPostgres(url) });
  return list;
}
