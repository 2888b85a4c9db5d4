import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type BatchSource, type BatchStatus, importBatches } from "@/db/schema/beneficiaries";
import type { Actor } from "@/lib/auth/context";
import type { ImportReport } from "./report";

/*
 * The import batch's own row: created (or the job's pre-created one updated) with the report once
 * known. The import itself is run-import.ts; a file refused whole is recorded there.
 */

export type ImportMode = "default" | "strict";

/** What of an import's options the batch row records. */
export interface BatchRowOptions {
  batchId?: string;
  dryRun: boolean;
  mode: ImportMode;
  source: BatchSource;
  fileName?: string | null;
}

/** Inserts the batch row (or updates the pre-created one) with the report once known. */
export async function saveBatch(
  tx: Executor,
  actor: Actor,
  options: BatchRowOptions,
  innovationId: string,
  report: ImportReport | null,
  rejectedRows: string | null,
  errorCode: string | null = null,
): Promise<string> {
  const status: BatchStatus = report?.status ?? "running";
  const values = {
    status,
    dryRun: options.dryRun,
    mode: options.mode,
    rows: report?.rows ?? 0,
    accepted: report?.status === "failed" ? 0 : (report?.accepted ?? 0),
    duplicates: report?.duplicates ?? 0,
    rejected: report?.rejected ?? 0,
    report: report ? { ...report } : null, // a plain record for the jsonb column
    rejectedRows,
    errorCode,
    finishedAt: report ? new Date() : null,
    // A batch about to write records is pending until published (or until a failure's removal ends).
    ...(status === "running" && !options.dryRun ? { pending: true } : {}),
  };
  if (options.batchId) {
    await tx.update(importBatches).set(values).where(eq(importBatches.id, options.batchId));
    return options.batchId;
  }
  const [row] = await tx
    .insert(importBatches)
    .values({
      ...values,
      regionCode: actor.regionCode,
      innovationId,
      source: options.source,
      fileName: options.fileName ?? null,
      createdBy: actorId(actor),
    })
    .returning({ id: importBatches.id });
  return row.id;
}

/** The account behind a batch (none for the command line). */
export const actorId = (actor: Actor) => (actor.kind === "user" || actor.kind === "token" ? actor.id : null);

/**
 * Publishes a written batch (its facts were written with its chunks): its report and `done`, and the end of `pending` — from then
 * on readers see its records. Quick: the records themselves are not touched. A batch that start-up
 * recovery marked interrupted meanwhile (another server restarting) is not published. The row is
 * locked FOR NO KEY UPDATE: the import's keeper holds it FOR KEY SHARE (./batch-hold.ts), which
 * FOR UPDATE would wait on for ever.
 */
export async function publishBatch(
  tx: Executor,
  actor: Actor,
  options: BatchRowOptions & { batchId: string },
  innovationId: string,
  report: ImportReport,
  rejectedRows: string | null,
) {
  const [row] = await tx
    .select({ status: importBatches.status })
    .from(importBatches)
    .where(and(eq(importBatches.regionCode, actor.regionCode), eq(importBatches.id, options.batchId)))
    .for("no key update");
  if (row?.status !== "running")
    throw new Error(`batch ${options.batchId} is ${row?.status ?? "gone"}, not publishable`);
  await saveBatch(tx, actor, options, innovationId, report, rejectedRows);
  await tx.execute(
    sql`update import_batches set pending = false where region_code = ${actor.regionCode} and id = ${options.batchId}::uuid`,
  );
}
