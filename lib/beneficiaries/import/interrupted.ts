import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { importBatches, serviceRecords } from "@/db/schema/beneficiaries";
import { writeAudit } from "@/lib/audit/write";
import { rowsOf } from "./write-chunk";

/**
 * Batches left `running` by a process that died mid-import (a crash, a SIGKILL, a power cut). An
 * import writes its records in one transaction, so the database already rolled them back; what is
 * left is the batch row that a background job created beforehand, which would show "running"
 * forever (the page showed it as interrupted only while no job of that id ran in this process). At
 * start these are marked failed (`interrupted`, worded in the reader's language), any record that names
 * them is removed, and each is audited. A batch whose import is alive holds its row locked (see
 * run-import), so `skip locked` leaves another server's running import alone.
 */
export async function failInterruptedBatches(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    const stale = rowsOf<{ id: string; region_code: string; innovation_id: string }>(
      await tx.execute(
        sql`select id, region_code, innovation_id from import_batches where status = 'running' for update skip locked`,
      ),
    );
    if (stale.length === 0) return 0;
    const ids = stale.map((b) => b.id);
    await tx.delete(serviceRecords).where(inArray(serviceRecords.batchId, ids));
    await tx
      .update(importBatches)
      .set({ status: "failed", errorCode: "interrupted", report: null, accepted: 0, finishedAt: new Date() })
      .where(inArray(importBatches.id, ids));
    for (const b of stale) {
      const after = { innovationId: b.innovation_id, code: "interrupted" };
      await writeAudit(tx, null, {
        action: "beneficiary.import.interrupted",
        entity: "import_batch",
        entityId: b.id,
        after,
      });
    }
    return stale.length;
  });
}
