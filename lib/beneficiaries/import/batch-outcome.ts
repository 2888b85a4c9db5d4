import { and, eq } from "drizzle-orm";
import { importBatches } from "@/db/schema/beneficiaries";
import { writeAudit } from "@/lib/audit/write";
import type { Actor, Ctx } from "@/lib/auth/context";
import { fileErrorMessage } from "../messages";
import { RecordFileError } from "./file-error";
import { removeBatchRecords } from "./interrupted";
import type { ImportReport } from "./report";
import type { ImportOptions } from "./run-import";

/* How an import's end is recorded when it does not publish (run-import.ts), and its audit summary. */

export const auditAfter = (report: ImportReport, options: ImportOptions, innovationId: string) => ({
  innovationId,
  source: options.source,
  fileName: options.fileName ?? null,
  mode: report.mode,
  dryRun: report.dryRun,
  status: report.status,
  rows: report.rows,
  accepted: report.accepted,
  duplicates: report.duplicates,
  rejected: report.rejected,
});

/**
 * A write that failed: what it stored is removed. A background job's batch reads failed with the
 * reason (its page shows it); a batch the import created itself (API, command line) is then
 * dropped with `dropBatchRow`, once the import no longer holds it.
 */
export async function failWrite(
  ctx: Ctx,
  actor: Actor,
  options: ImportOptions,
  innovationId: string,
  batchId: string,
  error: unknown,
) {
  const code = error instanceof RecordFileError ? error.code : "internal";
  const message = fileErrorMessage(code, options.locale, error instanceof RecordFileError ? error.params : {});
  try {
    if (options.batchId) {
      await recordFailure(ctx, actor, options, innovationId, code, { message });
      await removeBatchRecords(ctx.db, actor.regionCode, batchId);
      return;
    }
    // Failed first, so that a removal cut off is finished by start-up recovery.
    await ctx.db
      .update(importBatches)
      .set({ status: "failed", errorCode: code })
      .where(and(eq(importBatches.regionCode, actor.regionCode), eq(importBatches.id, batchId)));
    await removeBatchRecords(ctx.db, actor.regionCode, batchId);
  } catch {
    // Left pending and failed (or running): start-up recovery removes it.
  }
}

/**
 * Drops the row of a failed batch that the import created itself (API, command line): the caller
 * has the error and nothing of the batch is kept, as when a batch was one transaction.
 */
export async function dropBatchRow(ctx: Ctx, regionCode: string, batchId: string) {
  await ctx.db
    .delete(importBatches)
    .where(and(eq(importBatches.regionCode, regionCode), eq(importBatches.id, batchId)))
    .catch(() => {});
}

/** A file refused whole: recorded as a failed batch only when a job row awaits its outcome. */
export async function recordFailure(
  ctx: Ctx,
  actor: Actor,
  options: ImportOptions,
  innovationId: string,
  code: string,
  report: Record<string, unknown> | null = null,
) {
  if (!options.batchId) return;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(importBatches)
      .set({ status: "failed", errorCode: code, report, finishedAt: new Date() })
      .where(and(eq(importBatches.regionCode, actor.regionCode), eq(importBatches.id, options.batchId!)));
    await writeAudit(
      tx,
      actor,
      {
        action: "beneficiary.import.fail",
        entity: "import_batch",
        entityId: options.batchId,
        after: { innovationId, code, source: options.source },
      },
      ctx.requestId,
    );
  });
}
