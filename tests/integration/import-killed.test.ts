import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema/audit-log";
import { importBatches, serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { failInterruptedBatches } from "@/lib/beneficiaries/import/interrupted";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor } from "@/tests/helpers/fixtures";
import { killTargets } from "@/tests/helpers/kill-targets";

/*
 * SIGKILL in the middle of an import (a real second process, on PGlite and on the server): on the
 * next start the batch reads failed/interrupted, none of its records exist, and the same file then
 * imports whole.
 */

const ROWS = 30_000;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

function writeCsv(file: string) {
  const lines = ["nik,nama,tanggal_layanan,jenis_layanan"];
  for (let i = 0; i < ROWS; i++) {
    const nik = `181103${pad((i % 28) + 1)}${pad((Math.floor(i / 28) % 12) + 1)}${pad(50 + (Math.floor(i / 336) % 50))}${pad((Math.floor(i / 16800) % 9999) + 1, 4)}`;
    lines.push(`${nik},Warga ${i},2024-${pad((i % 12) + 1)}-${pad((i % 28) + 1)},KTP-el`);
  }
  fs.writeFileSync(file, lines.join("\n") + "\n");
}

/** Runs the child import and SIGKILLs it once it has read a third of the file. */
function killMidImport(target: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/helpers/import-child.ts", target, file, String(ROWS / 3)],
      {
        env: { ...process.env, LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    let err = "";
    let batchId: string | null = null;
    child.stdout.on("data", (d) => {
      out += String(d);
      const started = /STARTED (\S+)/.exec(out);
      if (started && !batchId) {
        batchId = started[1];
        child.kill("SIGKILL");
      }
      if (/FINISHED/.test(out)) reject(new Error("the import ended before it could be killed"));
    });
    child.stderr.on("data", (d) => (err += String(d)));
    child.on("exit", (_code, signal) =>
      batchId && signal === "SIGKILL"
        ? resolve(batchId)
        : reject(new Error(`child exited: ${signal} ${err.slice(-2000)}`)),
    );
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-kill-"));
const file = path.join(tmp, "besar.csv");
writeCsv(file);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const targets = killTargets(tmp, "kill");

describe.each(targets.map((t) => [t.name, t] as const))("an import killed half-way (%s)", (_name, setup) => {
  it(
    "leaves no records, reads failed/interrupted after restart, and imports whole when run again",
    { timeout: 600_000 },
    async () => {
      const { target, open, drop } = await setup.setup();
      try {
        const batchId = await killMidImport(target, file);
        const handle = await open();
        try {
          expect(await failInterruptedBatches(handle.db)).toBe(1);
          const [batch] = await handle.db.select().from(importBatches).where(eq(importBatches.id, batchId));
          expect(batch).toMatchObject({ status: "failed", errorCode: "interrupted", accepted: 0 });
          const [partial] = await handle.db
            .select({ n: sql<number>`count(*)::int` })
            .from(serviceRecords)
            .where(eq(serviceRecords.batchId, batchId));
          expect(partial.n).toBe(0);
          const audited = await handle.db
            .select()
            .from(auditLog)
            .where(and(eq(auditLog.action, "beneficiary.import.interrupted"), eq(auditLog.entityId, batchId)));
          expect(audited).toHaveLength(1);
          expect(await failInterruptedBatches(handle.db)).toBe(0);

          installTestNikKeys();
          const [{ id }] = await handle.db
            .select({ id: innovations.id })
            .from(innovations)
            .where(eq(innovations.name, "Payo Beladas"));
          const ctx = await ctxFor(handle.db, "bappeda@demo.local");
          const report = await importServiceRecords(ctx, {
            innovationId: id,
            open: () => openRecordFile(fs.createReadStream(file) as unknown as AsyncIterable<Uint8Array>, "besar.csv"),
            dryRun: false,
            mode: "default",
            locale: "id",
            source: "upload",
          });
          expect(report).toMatchObject({ status: "done", rows: ROWS, accepted: ROWS, rejected: 0 });
        } finally {
          await handle.close();
        }
      } finally {
        await drop();
      }
    },
  );
});
