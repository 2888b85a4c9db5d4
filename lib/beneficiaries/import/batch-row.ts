import { eq } from "drizzle-orm";
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
