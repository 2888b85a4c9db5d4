import { and, eq, inArray, sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { importBatches } from "@/db/schema/beneficiaries";
import { applyBatchFacts } from "@/lib/analytics/facts";
import { writeAudit } from "@/lib/audit/write";

/** Residents whose records one removal step deletes (all of their records in the batch). */
const REMOVE_RESIDENTS = 5000;

/**
 * Removes the stored records of a batch that was never published (failed, strict-mode rejection,
 * interrupted), in short transactions so other pages keep answering, and then clears its
 * `pending` mark. Each step takes the records of a few thousand of the batch's residents, all of
 * their records in the batch at once, and removes those residents left with no record at all —
 * the ones this batch brought (a resident another batch also names keeps its records, and stays).
 * The batch's records are invisible to readers throughout (its batch is pending).
 */
export async function removeBatchRecords(db: Db, regionCode: string, batchId: string): Promise<number> {
  let removed = 0;
  for (;;) {
    const step = await db.transaction(async (tx) => {
      const result = await tx.execute(sql`
        with who as (select resident_id from service_records where region_code = ${regionCode} and batch_id = ${batchId}::uuid limit ${REMOVE_RESIDENTS}),
        deleted as (
          delete from service_records where region_code = ${regionCode} and batch_id = ${batchId}::uuid and resident_id in (select resident_id from who)
          returning resident_id
        ),
        orphans as (
          delete from residents r where r.region_code = ${regionCode} and r.id in (select distinct resident_id from deleted)
            and not exists (select 1 from service_records s where s.region_code = r.region_code and s.resident_id = r.id and s.batch_id is distinct from ${batchId}::uuid)
          returning 1
        )
        select (select count(*) from deleted)::int as records`);
      return rowsOf<{ records: number }>(result)[0].records;
    });
    removed += step;
    if (step === 0) break;
  }
  await db.transaction(async (tx) => {
    // Facts written for the batch as its chunks went in (none are read while it is unpublished).
    await applyBatchFacts(tx, { regionCode, batchId }, -1);
    await tx
      .update(importBatches)
      .set({ pending: false })
      .where(and(eq(importBatches.regionCode, regionCode), eq(importBatches.id, batchId)));
  });
  return removed;
}

/**
 * Batches left `running` by a process that died mid-import (a crash, a SIGKILL, a power cut). An
 * import writes its records in short transactions and publishes them at the end, so what such a
 * batch stored was never visible; on the next start it is marked failed (`interrupted`, worded in
 * the reader's language), audited, and its records and the residents only it brought are removed.
 * A batch whose import is alive is held locked (./batch-hold.ts), so `skip locked` leaves another
 * server's running import alone. Batches marked failed earlier whose removal was itself cut off
 * are finished too. Answers how many batches were found interrupted.
 */
export async function failInterruptedBatches(db: Db): Promise<number> {
  const stale = await db.transaction(async (tx) => {
    const found = rowsOf<{ id: string; region_code: string; innovation_id: string }>(
      await tx.execute(
        sql`select id, region_code, innovation_id from import_batches where status = 'running' for update skip locked`,
      ),
    );
    if (found.length === 0) return found;
    await tx
      .update(importBatches)
      .set({ status: "failed", errorCode: "interrupted", report: null, accepted: 0, finishedAt: new Date() })
      .where(
        inArray(
          importBatches.id,
          found.map((b) => b.id),
        ),
      );
    for (const b of found) {
      const after = { innovationId: b.innovation_id, code: "interrupted" };
      await writeAudit(tx, null, {
        action: "beneficiary.import.interrupted",
        entity: "import_batch",
        entityId: b.id,
        after,
      });
    }
    return found;
  });
  const leftovers = rowsOf<{ id: string; region_code: string }>(
    await db.execute(sql`select id, region_code from import_batches where pending and status = 'failed'`),
  );
  for (const b of leftovers) await removeBatchRecords(db, b.region_code, b.id);
  return stale.length;
}
