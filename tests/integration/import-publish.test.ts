import { and, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { importBatches, residents, serviceRecords } from "@/db/schema/beneficiaries";
import { serviceCells, serviceFacts } from "@/db/schema/analytics";
import { innovations } from "@/db/schema/innovations";
import { applyBatchFacts } from "@/lib/analytics/facts";
import { getBatch } from "@/lib/beneficiaries/batches";
import { innovationImpact } from "@/lib/beneficiaries/impact";
import { failInterruptedBatches } from "@/lib/beneficiaries/import/interrupted";
import { type ImportOptions, importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile, type RowSource } from "@/lib/beneficiaries/import/sources";
import { generateNikKeys, setNikKeys } from "@/lib/crypto";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { databaseCases } from "./support";

/*
 * An import writes its batch in short transactions and publishes it at the end (issue 10, item 3):
 * other queries answer while it runs and never see its records before it is published; a batch
 * stopped between chunks is never published, and start-up recovery removes what it stored.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
/** `n` rows of distinct residents (NIKs valid for Mesuji, 18.11), all new to the demo data. */
function csv(n: number, type: string, area: string): Buffer {
  const lines = ["nik,nama,tanggal_layanan,jenis_layanan,kode_desa,nilai"];
  for (let i = 0; i < n; i++) {
    const nik = `${area}${pad((i % 28) + 1)}${pad((Math.floor(i / 28) % 12) + 1)}${pad(40 + (Math.floor(i / 336) % 50))}${pad((Math.floor(i / 16800) % 9999) + 1, 4)}`;
    lines.push(`${nik},Warga ${i},2024-${pad((i % 12) + 1)}-${pad((i % 28) + 1)},${type},,${i % 3 ? 1000 : ""}`);
  }
  return Buffer.from(lines.join("\n") + "\n");
}
async function* once(bytes: Uint8Array) {
  yield bytes;
}

describe.each(databaseCases())("an import publishes its batch at the end (%s)", (name, database) => {
  let handle: DatabaseHandle;
  let payo: string;
  beforeAll(async () => {
    setNikKeys(generateNikKeys());
    handle = await database.open();
    await seedDemoData(handle.db);
    [{ id: payo }] = await handle.db.select().from(innovations).where(eq(innovations.name, "Payo Beladas"));
  });
  afterAll(async () => {
    await handle.close();
    setNikKeys(null);
  });

  const options = (open: () => Promise<RowSource>, extra: Partial<ImportOptions> = {}): ImportOptions => ({
    innovationId: payo,
    open,
    fileName: "besar.csv",
    dryRun: false,
    mode: "default",
    locale: "id",
    source: "upload",
    ...extra,
  });
  const stored = async () =>
    (
      await handle.db
        .select({ n: count() })
        .from(serviceRecords)
        .where(and(eq(serviceRecords.regionCode, "18.11"), eq(serviceRecords.innovationId, payo)))
    )[0].n;
  const impactRecords = async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    return (await innovationImpact({ ctx, innovationId: payo })).totals.records;
  };

  it("answers another query while the import runs, without its unpublished records", { timeout: 600_000 }, async () => {
    const ROWS = 60_000;
    const before = await impactRecords();
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    let read: Promise<{ records: number; at: number }> | null = null;
    let importEnded = 0;
    const report = await importServiceRecords(
      ctx,
      options(() => openRecordFile(once(csv(ROWS, "Uji Serentak", "181105")), "besar.csv"), {
        // Once a third is written, a page asks for the innovation's impact.
        onProgress: (rows) => {
          if (rows < ROWS / 3 || read) return;
          read = impactRecords().then((records) => ({ records, at: Date.now() }));
        },
      }),
    ).finally(() => (importEnded = Date.now()));
    expect(report).toMatchObject({ status: "done", rows: ROWS, accepted: ROWS });
    expect(read).not.toBeNull();
    const seen = await read!;
    expect(seen.at).toBeLessThan(importEnded);
    expect(seen.records).toBe(before);
    expect(await impactRecords()).toBe(before + ROWS);

    // The facts written chunk by chunk are those the whole batch gives at once.
    const factsOf = async () => ({
      facts: await handle.db
        .select()
        .from(serviceFacts)
        .where(eq(serviceFacts.batchId, report.batchId!))
        .orderBy(serviceFacts.residentOrdinal, serviceFacts.year, serviceFacts.kecamatan, serviceFacts.desa),
      cells: await handle.db
        .select()
        .from(serviceCells)
        .where(eq(serviceCells.batchId, report.batchId!))
        .orderBy(serviceCells.year, serviceCells.month, serviceCells.kecamatan, serviceCells.desa),
    });
    const chunked = await factsOf();
    expect(chunked.facts).toHaveLength(ROWS);
    await handle.db.transaction(async (tx) => {
      await applyBatchFacts(tx, { regionCode: "18.11", batchId: report.batchId! }, -1);
      await applyBatchFacts(tx, { regionCode: "18.11", batchId: report.batchId! }, 1);
    });
    expect(await factsOf()).toEqual(chunked);
  });

  it(
    "never publishes a batch stopped between chunks; recovery removes its records and residents",
    { timeout: 300_000 },
    async () => {
      const ROWS = 12_000;
      const residentsBefore = (await handle.db.select({ n: count() }).from(residents))[0].n;
      const recordsBefore = await stored();
      const impactBefore = await impactRecords();
      // A file whose reading stops for good after two chunks were written (as a process frozen, then killed).
      let stop!: (error: Error) => void;
      const stopped = new Promise<never>((_, reject) => (stop = reject));
      let started!: () => void;
      const writing = new Promise<void>((resolve) => (started = resolve));
      const open = async (): Promise<RowSource> => {
        const real = await openRecordFile(once(csv(ROWS, "Uji Henti", "181106")), "henti.csv");
        async function* batches() {
          let n = 0;
          for await (const batch of real.batches) {
            yield batch;
            n += batch.length;
            if (n >= ROWS / 2) break;
          }
          started();
          await stopped;
        }
        return { ...real, batches: batches() };
      };
      const ctx = await ctxFor(handle.db, "bappeda@demo.local");
      const running = importServiceRecords(ctx, options(open, { fileName: "henti.csv" })).catch(
        (error: unknown) => error,
      );
      await writing;
      // Wait for the chunks in flight to be stored.
      let batchId = "";
      for (let i = 0; i < 200 && !batchId; i++) {
        const [row] = await handle.db
          .select({
            id: importBatches.id,
            n: sql<number>`(select count(*) from service_records s where s.region_code = import_batches.region_code and s.batch_id = import_batches.id)::int`,
          })
          .from(importBatches)
          .where(eq(importBatches.fileName, "henti.csv"))
          .orderBy(sql`${importBatches.createdAt} desc`)
          .limit(1);
        if (row && row.n >= 5000) batchId = row.id;
        else await new Promise((r) => setTimeout(r, 50));
      }
      expect(batchId).not.toBe("");
      expect(await stored()).toBeGreaterThan(recordsBefore); // stored…
      expect(await impactRecords()).toBe(impactBefore); // …but not visible

      if (name === "postgresql") {
        // The live import holds its batch: another process starting now leaves it alone.
        expect(await failInterruptedBatches(handle.db)).toBe(0);
        const [row] = await handle.db.select().from(importBatches).where(eq(importBatches.id, batchId));
        expect(row).toMatchObject({ status: "running", pending: true });
        // It then fails: what it stored is removed, and so is the batch it created (API, CLI: the
        // caller has the error), as when a batch was one transaction.
        stop(new Error("killed"));
        expect(String(await running)).toMatch(/killed/);
        expect(await handle.db.select().from(importBatches).where(eq(importBatches.id, batchId))).toEqual([]);
      } else {
        // Embedded: one process, so at start any running batch is dead.
        expect(await failInterruptedBatches(handle.db)).toBe(1);
        const [row] = await handle.db.select().from(importBatches).where(eq(importBatches.id, batchId));
        expect(row).toMatchObject({ status: "failed", errorCode: "interrupted", pending: false, accepted: 0 });
        expect(await getBatch({ ctx, input: { batchId } })).toMatchObject({
          status: "failed",
          errorCode: "interrupted",
        });
      }
      expect(await stored()).toBe(recordsBefore);
      expect((await handle.db.select({ n: count() }).from(residents))[0].n).toBe(residentsBefore);
      expect(await handle.db.select().from(serviceFacts).where(eq(serviceFacts.batchId, batchId))).toEqual([]);
      stop(new Error("killed"));
      await running;
      // The same file, run again, imports whole.
      const again = await importServiceRecords(
        ctx,
        options(() => openRecordFile(once(csv(ROWS, "Uji Henti", "181106")), "henti.csv")),
      );
      expect(again).toMatchObject({ status: "done", rows: ROWS, accepted: ROWS, duplicates: 0 });
    },
  );
});
