import { and, desc, eq, sql } from "drizzle-orm";
import { importBatches } from "@/db/schema/beneficiaries";
import { applyBatchFacts } from "@/lib/analytics/facts";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { decryptStored } from "@/lib/crypto";
import { AppError, ConflictError, NotFoundError, parseInput } from "@/lib/errors";
import { z } from "zod";
import type { ImportReport } from "./import/report";
import type { BatchSummary } from "./batch-summary";
import { importableInnovation } from "./import/run-import";
import { allJobProgress, jobProgress } from "./batches-jobs";
import { rowsOf } from "@/db/client";

export type BatchRow = typeof importBatches.$inferSelect;

export type { BatchSummary } from "./batch-summary";

type Progress = ReturnType<typeof jobProgress>;

/**
 * `progressBefore` must be read before the row: a job that ends between reading the row ("running")
 * and looking for the job would otherwise look cut off.
 */
function summarise(row: BatchRow, actorId: string, progressBefore: (id: string) => Progress): BatchSummary {
  const progress = row.status === "running" ? progressBefore(row.id) : null;
  // A batch still "running" with no job in this process was cut off (crash, restart): it was never
  // published, so none of its records is visible, and start-up recovery removes them.
  const interrupted = row.status === "running" && !progress;
  const report = row.report as Record<string, unknown> | null;
  return {
    id: row.id,
    innovationId: row.innovationId,
    source: row.source,
    fileName: row.fileName,
    mode: row.mode,
    dryRun: row.dryRun,
    status: interrupted ? "failed" : row.status,
    rows: progress?.rows ?? row.rows,
    accepted: row.accepted,
    duplicates: row.duplicates,
    rejected: row.rejected,
    errorCode: interrupted ? "interrupted" : row.errorCode,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    canDownloadRejected: Boolean(row.rejectedRows) && row.createdBy === actorId,
    progress,
    report:
      report && Array.isArray(report.errors) && Array.isArray(report.warnings)
        ? (report as unknown as ImportReport)
        : null,
    headers: report && Array.isArray(report.headers) ? (report.headers as string[]) : null,
    failureMessage: report && typeof report.message === "string" ? report.message : null,
  };
}

const batchInput = z.object({ batchId: z.string() });
const innovationInput = z.object({ innovationId: z.string(), limit: z.number().int().min(1).max(500).default(50) });

async function loadBatch(ctx: Ctx, batchId: string, forUpdate = false, db = ctx.db) {
  if (!/^[0-9a-f-]{36}$/i.test(batchId)) throw new NotFoundError("import_batch");
  const query = db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.regionCode, ctx.actor?.regionCode ?? ""), eq(importBatches.id, batchId)))
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError("import_batch");
  // Same checks as importing into the batch's innovation (region, agency).
  const { actor } = await importableInnovation({ ...ctx, db }, row.innovationId);
  return { row, actor };
}

/** The batches of one innovation, newest first (dry runs included, marked). */
export async function listBatches({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<BatchSummary[]> {
  requirePermission(ctx, "beneficiary.import");
  const { innovationId, limit } = parseInput(innovationInput, input);
  const { actor } = await importableInnovation(ctx, innovationId);
  const progress = allJobProgress();
  const rows = await ctx.db
    .select()
    .from(importBatches)
    .where(and(eq(importBatches.innovationId, innovationId), eq(importBatches.regionCode, actor.regionCode)))
    .orderBy(desc(importBatches.createdAt))
    .limit(limit);
  return rows.map((r) => summarise(r, actor.id, (id) => progress.get(id) ?? null));
}

export async function getBatch({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<BatchSummary> {
  requirePermission(ctx, "beneficiary.import");
  const { batchId } = parseInput(batchInput, input);
  const progress = jobProgress(batchId);
  const { row, actor } = await loadBatch(ctx, batchId);
  return summarise(row, actor.id, () => progress);
}

/**
 * Removes every service record a batch brought, and the residents left with no record at all (no
 * personal data is kept without a purpose). One transaction, audited. Records that the batch
 * counted as duplicates belong to earlier batches and stay.
 */
export async function undoBatch({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<BatchSummary> {
  requirePermission(ctx, "beneficiary.import");
  const { batchId } = parseInput(batchInput, input);
  return ctx.db.transaction(async (tx) => {
    const { row, actor } = await loadBatch(ctx, batchId, true, tx);
    if (row.status !== "done" || row.dryRun) throw new ConflictError("batch_not_undoable", { status: row.status });
    const removed = await tx.execute(sql`
      with deleted as (
        delete from service_records where region_code = ${row.regionCode} and batch_id = ${batchId}::uuid returning resident_id
      ),
      orphans as (
        delete from residents r where r.region_code = ${row.regionCode} and r.id in (select distinct resident_id from deleted)
          and not exists (select 1 from service_records s where s.region_code = r.region_code and s.resident_id = r.id
            and s.batch_id is distinct from ${batchId}::uuid)
        returning 1
      )
      select (select count(*) from deleted)::int as records, (select count(*) from orphans)::int as residents`);
    const counts = rowsOf<{ records: number; residents: number }>(removed)[0];
    await applyBatchFacts(tx, { regionCode: row.regionCode, batchId }, -1);
    const [after] = await tx
      .update(importBatches)
      .set({ status: "undone", undoneAt: new Date() })
      .where(and(eq(importBatches.regionCode, row.regionCode), eq(importBatches.id, batchId)))
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: "beneficiary.import.undo",
        entity: "import_batch",
        entityId: batchId,
        before: { status: row.status, accepted: row.accepted },
        after: {
          status: "undone",
          innovationId: row.innovationId,
          recordsRemoved: counts.records,
          residentsRemoved: counts.residents,
        },
      },
      ctx.requestId,
    );
    return summarise(after, actor.id, () => null);
  });
}

/** The rejected rows of a batch as CSV, for the uploader only (they hold NIKs to fix). */
export async function rejectedRowsCsv({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ csv: string; fileName: string }> {
  requirePermission(ctx, "beneficiary.import");
  const { batchId } = parseInput(batchInput, input);
  const { row, actor } = await loadBatch(ctx, batchId);
  if (!row.rejectedRows || row.createdBy !== actor.id) throw new AppError(404, "rejected_rows_unavailable");
  const base =
    (row.fileName ?? "data")
      .replace(/\.[^.]+$/, "")
      .replace(/[^\w.-]+/g, "_")
      .slice(0, 80) || "data";
  return { csv: decryptStored(row.rejectedRows, "rejected-rows"), fileName: `${base}-ditolak.csv` };
}
