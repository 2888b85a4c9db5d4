import { isFederated } from "@/db/foreign-partitions";
import type { Executor } from "@/db/client";
import type { BatchSource } from "@/db/schema/beneficiaries";
import type { Locale } from "@/i18n/locales";
import { writeAudit } from "@/lib/audit/write";
import { type Actor, type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { findInnovation } from "@/lib/innovations/get-innovation";
import { type ColumnOverrides, type HeaderMapping, mapHeader, RECORD_COLUMNS } from "./columns";
import { looksLikeIdentifier } from "@/lib/nik";
import { fileErrorMessage } from "../messages";
import { RecordFileError } from "./file-error";
import { type ImportReport, ReportBuilder } from "./report";
import type { RowSource } from "./sources";
import { isBlankRow, type RecordRefs, validateRow } from "./validate-row";
import { parseServiceDate, wibToday } from "./values";
import {
  CHUNK_ROWS,
  EMBEDDED_CHUNK_ROWS,
  EMBEDDED_PAUSE_MS,
  type ChunkTarget,
  countStored,
  type KeyedRecord,
  keyRecord,
  prepareChunk,
  recordKeyMaker,
  withoutJit,
} from "./write-chunk";

import { actorId, type ImportMode, publishBatch, saveBatch } from "./batch-row";
import { holdBatch, isEmbedded } from "./batch-hold";
import { removeBatchRecords } from "./interrupted";
import { afterBatchPublished } from "@/lib/analytics/after-publish";
import { auditAfter, dropBatchRow, failWrite, recordFailure } from "./batch-outcome";
import { regionDesaCodes } from "./region-desa";

export { actorId, type ImportMode };

export interface ImportOptions {
  innovationId: string;
  /** The caller and innovation as `importableInnovation` answered earlier in the same request, if it ran. */
  checked?: ImportableInnovation;
  /** Opens the rows; called after the permission checks, so a refused caller costs no parsing. */
  open: () => Promise<RowSource>;
  fileName?: string | null;
  dryRun: boolean;
  mode: ImportMode;
  locale: Locale;
  source: BatchSource;
  /** The API token's label or "api" for the JSON endpoint; null for files. */
  apiClient?: string | null;
  /** Headers for columns whose names we do not recognise. */
  columns?: ColumnOverrides;
  /** A batch row created beforehand (a background job), updated instead of inserted. */
  batchId?: string;
  /** Called every few thousand rows with the number of data rows read so far. */
  onProgress?: (rows: number) => void;
  /** Runs inside the publishing transaction after the batch is recorded (the idempotency key is stored there). */
  inTransaction?: (tx: Executor, report: ImportReport) => Promise<void>;
}

/** A file refused whole because its header lacks columns; carries the headers for a mapping step. */
export class MissingColumnsError extends RecordFileError {
  constructor(
    columns: string[],
    readonly headers: string[],
  ) {
    super("records_missing_columns", { columns: columns.join(", ") });
    // The API answers them with the error, so the caller can send a `columns` mapping.
    this.details = { headers };
  }
}

/**
 * The file's headers for the column-mapping step. A first row holding something like a NIK or a
 * date is data (a file without a header row): none of its cells (a NIK, a name) is echoed or stored.
 */
function headersToShow(mapping: HeaderMapping): string[] {
  const cells = mapping.original.map((h) => String(h ?? "").trim());
  if (cells.some((h) => looksLikeIdentifier(h) || parseServiceDate(h) !== null)) return [];
  return cells.filter(Boolean);
}

/** Thrown inside the transaction to roll a strict import back. */
class StrictRollback extends Error {}

/** The innovation, with the import permission checked for it (agency staff: their agency only). */
export interface ImportableInnovation {
  actor: Actor;
  innovation: { id: string; agencyId: string; regionCode: string; name: string };
}

export async function importableInnovation(ctx: Ctx, innovationId: string): Promise<ImportableInnovation> {
  const actor = requirePermission(ctx, "beneficiary.import");
  const innovation = await findInnovation(ctx.db, actor.regionCode, innovationId);
  if (!innovation) throw new NotFoundError("innovation");
  requirePermission(ctx, "beneficiary.import", { agencyId: innovation.agencyId, regionCode: innovation.regionCode });
  return { actor, innovation };
}

/**
 * Checks (dry run) or imports a file of service records into one innovation. A write is all or
 * nothing for readers: each chunk's records, the residents they need and their dashboard facts
 * commit in a short transaction of their own (so other pages answer between chunks, even on the
 * embedded database's one connection), invisible while the batch is pending; one quick final
 * transaction publishes the batch with its report and audit entry. A batch that fails (or, in
 * strict mode, has a rejected row) is never published, and what it stored is removed. Rows stream
 * through in chunks, so the file is never whole in memory.
 */
export async function importServiceRecords(ctx: Ctx, options: ImportOptions): Promise<ImportReport> {
  const { actor, innovation } = options.checked ?? (await importableInnovation(ctx, options.innovationId));
  const now = new Date();
  const embedded = isEmbedded(ctx.db);
  const refs: RecordRefs = { desaCodes: await regionDesaCodes(ctx.db, actor.regionCode), today: wibToday(now), now };
  const target: ChunkTarget = {
    regionCode: actor.regionCode,
    innovationId: innovation.id,
    batchId: options.batchId ?? null,
    apiClient: options.apiClient ?? null,
    keysOnPartitions: await isFederated(ctx.db),
  };

  let source: RowSource;
  try {
    source = await options.open();
  } catch (error) {
    if (error instanceof RecordFileError)
      await recordFailure(ctx, actor, options, innovation.id, error.code, {
        message: fileErrorMessage(error.code, options.locale, error.params),
      });
    throw error;
  }
  const mapping = mapHeader(source.header, options.columns);
  if (mapping.duplicated.length) {
    const params = { column: mapping.duplicated[0] };
    await recordFailure(ctx, actor, options, innovation.id, "records_duplicate_column", {
      message: fileErrorMessage("records_duplicate_column", options.locale, params),
    });
    throw new RecordFileError("records_duplicate_column", params);
  }
  if (mapping.missing.length) {
    const headers = headersToShow(mapping);
    const message = fileErrorMessage("records_missing_columns", options.locale, {
      columns: mapping.missing.join(", "),
    });
    await recordFailure(ctx, actor, options, innovation.id, "records_missing_columns", {
      headers,
      missing: mapping.missing,
      message,
    });
    throw new MissingColumnsError(mapping.missing, headers);
  }
  const report = new ReportBuilder(
    options.locale,
    source.format === "json" ? [...RECORD_COLUMNS] : mapping.original,
    source.delimiter ?? ",",
  );
  report.ignoredColumns(mapping.ignored);

  /**
   * Validates rows and hands valid ones over in chunks. `prepare` does a chunk's JavaScript work
   * (keys, encryption, the statement's arrays) at once and answers the database work to run; that
   * runs while the next chunk is parsed, checked and prepared (on PostgreSQL the server is another
   * process, so the two overlap). At most one chunk is in flight, and its failure stops the scan.
   */
  async function scan(prepare: (chunk: KeyedRecord[]) => () => Promise<void>) {
    let pending: KeyedRecord[] = [];
    let inflight: Promise<void> | null = null;
    const hand = async (chunk: KeyedRecord[]) => {
      const run = prepare(chunk);
      if (inflight) await inflight;
      inflight = run();
      // Observed here so an early failure is not reported as unhandled; rethrown by the next await.
      inflight.catch(() => {});
    };
    let nextProgress = 1000;
    const chunkRows = embedded ? EMBEDDED_CHUNK_ROWS : CHUNK_ROWS;
    try {
      for await (const batch of source.batches) {
        for (const raw of batch) {
          if (isBlankRow(raw.values, mapping)) continue;
          report.rows++;
          const check = validateRow(raw.values, mapping, refs);
          if (!check.ok) report.reject(raw.row, raw.values, check.issues);
          else {
            if (!check.record.areaKnown) report.warn("nik_area_unknown", { row: raw.row, column: "nik" });
            pending.push(keyRecord(check.record));
          }
          if (pending.length >= chunkRows) {
            await hand(pending);
            pending = [];
          }
        }
        if (report.rows >= nextProgress) {
          options.onProgress?.(report.rows);
          nextProgress = report.rows + 1000;
        }
      }
    } catch (error) {
      // A chunk still being written must end before the failure is handled: its commit would
      // otherwise land after the batch's records were removed.
      await (inflight as Promise<void> | null)?.catch(() => {});
      throw error;
    }
    if (pending.length) await hand(pending);
    if (inflight) await inflight;
    options.onProgress?.(report.rows);
  }

  /** A background job's batch records why it stopped (a file broken half-way, a crash). */
  async function failJob(error: unknown) {
    if (!options.batchId) return;
    const code = error instanceof RecordFileError ? error.code : "internal";
    const message = fileErrorMessage(code, options.locale, error instanceof RecordFileError ? error.params : {});
    await recordFailure(ctx, actor, options, innovation.id, code, { message }).catch(() => {});
  }

  if (options.dryRun) {
    // Keys of the records seen so far: a repeat within the file is a duplicate, as it would be on import.
    const seen = new Set<string>();
    const recordKey = recordKeyMaker();
    const checking = scan((chunk) => {
      const fresh: KeyedRecord[] = [];
      for (const r of chunk) {
        const key = recordKey(r);
        if (seen.has(key)) report.duplicates++;
        else {
          seen.add(key);
          fresh.push(r);
        }
      }
      return async () => {
        const stored = await ctx.db.transaction(async (tx) => {
          await withoutJit(tx);
          return countStored(tx, target, fresh);
        });
        report.duplicates += stored;
        report.accepted += fresh.length - stored;
      };
    });
    try {
      await checking;
    } catch (error) {
      await failJob(error);
      throw error;
    }
    const built = report.build({ dryRun: true, batchId: null, status: "checked", mode: options.mode });
    return ctx.db.transaction(async (tx) => {
      const batchId = await saveBatch(tx, actor, options, innovation.id, built, report.encryptedRejectedRows());
      built.batchId = batchId;
      await writeAudit(
        tx,
        actor,
        {
          action: "beneficiary.import.check",
          entity: "import_batch",
          entityId: batchId,
          after: auditAfter(built, options, innovation.id),
        },
        ctx.requestId,
      );
      return built;
    });
  }

  // The write: the batch row (pending) in a short transaction of its own, then one short
  // transaction per chunk, then a quick publish. Readers see none of the batch's records until it
  // is published; a batch that fails is marked failed, then its records are removed.
  const batchId = await ctx.db.transaction((tx) => saveBatch(tx, actor, options, innovation.id, null, null));
  target.batchId = batchId;
  const release = await holdBatch(ctx.db, actor.regionCode, batchId, innovation.id).catch(async (error) => {
    await failWrite(ctx, actor, options, innovation.id, batchId, error);
    if (!options.batchId) await dropBatchRow(ctx, actor.regionCode, batchId);
    throw error;
  });
  let failed = false;
  try {
    const known = new Set<string>();
    await scan((chunk) => {
      const write = prepareChunk(target, chunk, known);
      return async () => {
        if (embedded) await new Promise((resolve) => setTimeout(resolve, EMBEDDED_PAUSE_MS));
        const written = await ctx.db.transaction(async (tx) => {
          await withoutJit(tx);
          return write(tx);
        });
        report.accepted += written;
        report.duplicates += chunk.length - written;
      };
    });
    if (options.mode === "strict" && report.rejected > 0) throw new StrictRollback();
    const built = report.build({ dryRun: false, batchId, status: "done", mode: options.mode });
    const rejectedRows = report.encryptedRejectedRows();
    const published = await ctx.db.transaction(async (tx) => {
      await publishBatch(tx, actor, { ...options, batchId }, innovation.id, built, rejectedRows);
      await writeAudit(
        tx,
        actor,
        {
          action: "beneficiary.import",
          entity: "import_batch",
          entityId: batchId,
          after: auditAfter(built, options, innovation.id),
        },
        ctx.requestId,
      );
      await options.inTransaction?.(tx, built);
      return built;
    });
    await afterBatchPublished(ctx.db, { regionCode: actor.regionCode, batchId });
    return published;
  } catch (error) {
    if (!(error instanceof StrictRollback)) {
      failed = true;
      await failWrite(ctx, actor, options, innovation.id, batchId, error);
      throw error;
    }
    // Strict mode: nothing is published; the batch is recorded as failed with its report, so the
    // uploader can download the rejected rows, and what its chunks stored is removed.
    const built = report.build({ dryRun: false, batchId, status: "failed", mode: options.mode });
    await ctx.db.transaction(async (tx) => {
      await saveBatch(
        tx,
        actor,
        { ...options, batchId },
        innovation.id,
        built,
        report.encryptedRejectedRows(),
        "records_rejected_strict",
      );
      await writeAudit(
        tx,
        actor,
        {
          action: "beneficiary.import",
          entity: "import_batch",
          entityId: batchId,
          after: auditAfter(built, options, innovation.id),
        },
        ctx.requestId,
      );
    });
    await removeBatchRecords(ctx.db, actor.regionCode, batchId);
    return built;
  } finally {
    await release();
    if (failed && !options.batchId) await dropBatchRow(ctx, actor.regionCode, batchId);
  }
}
