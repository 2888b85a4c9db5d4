import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../../db/client";
import { prepareDatabase } from "../../lib/db-bootstrap";

/**
 * Builds one migrated PGlite database (with reference data) and dumps it; every test file loads
 * the dump instead of running initdb and migrations again.
 */
export default async function setup(project: TestProject) {
  process.env.LOG_LEVEL = "silent";
  const handle = await openDatabase({});
  await prepareDatabase(handle, { seedDemo: false, demoPassword: "unused-password", regionCode: "18.11" });
  const client = (handle.db as unknown as { $client: { dumpDataDir: (c?: "none" | "gzip") => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-test-"));
  const file = path.join(dir, "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
