/**
 * A separate process that starts a background import (as the page does) and says when it is well
 * under way, so a test can SIGKILL it mid-import. Usage:
 *   tsx tests/helpers/import-child.ts <dataDir | postgres://url> <file.csv> <rowsBeforeSignal>
 * Prints `STARTED <batchId>` once the job has read that many rows; then waits to be killed.
 */
import fs from "node:fs";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { prepareDatabase } from "@/lib/db-bootstrap";
import { innovations } from "@/db/schema/innovations";
import { startImportJob, jobProgress } from "@/lib/beneficiaries/batches-jobs";
import { generateNikKeys, setNikKeys } from "@/lib/crypto";
import { ctxFor } from "./fixtures";

const [target, file, signalAt] = process.argv.slice(2);
setNikKeys(generateNikKeys());
const handle = await openDatabase(
  target.startsWith("postgres") ? { url: target, maxConnections: 3 } : { dataDir: target },
);
await prepareDatabase(handle, { seedDemo: true, demoPassword: "inovasi-demo-test", regionCode: "18.11" });
const [{ id }] = await handle.db
  .select({ id: innovations.id })
  .from(innovations)
  .where(eq(innovations.name, "Payo Beladas"));
const ctx = await ctxFor(handle.db, "bappeda@demo.local");
const { batchId } = await startImportJob(ctx, {
  innovationId: id,
  body: fs.createReadStream(file),
  fileName: "besar.csv",
  dryRun: false,
  mode: "default",
  locale: "id",
});
const timer = setInterval(() => {
  const progress = jobProgress(batchId);
  if (progress && progress.rows >= Number(signalAt)) {
    clearInterval(timer);
    process.stdout.write(`STARTED ${batchId}\n`);
  }
  if (!progress) {
    clearInterval(timer);
    process.stdout.write(`FINISHED ${batchId}\n`);
  }
}, 20);
