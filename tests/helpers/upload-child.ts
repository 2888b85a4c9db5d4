/**
 * A separate process that uploads evidence files one after another until it is killed, so a test
 * can SIGKILL it in the middle of an upload. Usage:
 *   tsx tests/helpers/upload-child.ts <dataDir | postgres://url>
 * Prints `READY` once seeded, then `DONE <n>` after each upload has committed.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { prepareDatabase } from "@/lib/db-bootstrap";
import { addEvidence } from "@/lib/iga/evidence";
import { ctxFor } from "./fixtures";

const [target] = process.argv.slice(2);
const handle = await openDatabase(
  target.startsWith("postgres") ? { url: target, maxConnections: 3 } : { dataDir: target },
);
await prepareDatabase(handle, { seedDemo: true, demoPassword: "inovasi-demo-test", regionCode: "18.11" });
const [{ id }] = await handle.db
  .select({ id: innovations.id })
  .from(innovations)
  .where(eq(innovations.name, "Payo Beladas"));
const ctx = await ctxFor(handle.db, "bappeda@demo.local");
process.stdout.write("READY\n");
for (let n = 1; ; n++) {
  // A different 4 MB PDF each time, so every upload stores a new file.
  const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(4 * 1024 * 1024)]);
  await addEvidence({
    ctx,
    input: { year: 2023, indicatorCode: "INV-01", innovationId: id, kind: "file", fileName: `surat-${n}.pdf`, bytes },
  });
  process.stdout.write(`DONE ${n}\n`);
}
