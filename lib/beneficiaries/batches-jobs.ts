import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { importBatches } from "@/db/schema/beneficiaries";
import type { Locale } from "@/i18n/locales";
import { writeAudit } from "@/lib/audit/write";
import { makeTempDir } from "@/lib/files/temp-dirs";
import { AppError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/context";
import type { BatchSummary } from "./batch-summary";
import { runningBatch } from "./batches-running";
import { requestLogger } from "@/lib/log";
import type { ColumnOverrides } from "./import/columns";
import { actorId, type ImportMode, importableInnovation, importServiceRecords } from "./import/run-import";
import { type ByteStream, countingStream, openRecordFile } from "./import/sources";

/**
 * Imports started from the page run as background jobs: the upload is spooled to a temporary file
 * (encrypted under a key that lives only in this process's memory, so a leftover file is
 * unreadable), a batch row is created at once, and the page polls the batch for progress. The
 * import itself is the same single transaction as everywhere else.
 */
interface Job {
  rows: number;
  bytes: number;
  totalBytes: number;
  /** Who started it: only they get its progress from memory (see runningJobFor). */
  ownerId: string;
  summary: {
    id: string;
    innovationId: string;
    fileName: string | null;
    mode: string;
    dryRun: boolean;
    createdAt: string;
  };
}

const registry = globalThis as unknown as { beneficiaryJobs?: Map<string, Job> };
const jobs = () => (registry.beneficiaryJobs ??= new Map());

type Progress = { rows: number; fraction: number | null };
const progressOf = (job: Job): Progress => ({
  rows: job.rows,
  fraction: job.totalBytes > 0 ? Math.min(1, job.bytes / job.totalBytes) : null,
});

/** Progress of a job running in this process, or null when none runs for the batch. */
export function jobProgress(batchId: string): Progress | null {
  const job = jobs().get(batchId);
  return job ? progressOf(job) : null;
}

/** The progress of every job running now (read before reading batch rows). */
export function allJobProgress(): Map<string, Progress> {
  return new Map([...jobs()].map(([id, job]) => [id, progressOf(job)]));
}

interface Spool {
  file: string;
  key: Buffer;
  iv: Buffer;
  tag: Buffer;
  size: number;
}

async function spool(body: ByteStream): Promise<Spool> {
  const dir = makeTempDir("import");
  const file = path.join(dir, "upload.bin");
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  let size = 0;
  const counted = countingStream(body, (n) => (size = n));
  await pipeline(Readable.from(counted), cipher, fs.createWriteStream(file, { mode: 0o600 }));
  return { file, key, iv, tag: cipher.getAuthTag(), size };
}

function unspool(s: Spool): ByteStream {
  const decipher = createDecipheriv("aes-256-gcm", s.key, s.iv);
  decipher.setAuthTag(s.tag);
  return fs.createReadStream(s.file).pipe(decipher) as unknown as ByteStream;
}

const removeSpool = (s: Spool) => fs.rmSync(path.dirname(s.file), { recursive: true, force: true });

export interface JobInput {
  innovationId: string;
  body: ByteStream;
  fileName: string | null;
  dryRun: boolean;
  mode: ImportMode;
  locale: Locale;
  columns?: ColumnOverrides;
}

/** Spools the upload, records a running batch and starts the import; answers the batch id at once. */
export async function startImportJob(ctx: Ctx, input: JobInput): Promise<{ batchId: string }> {
  const checked = await importableInnovation(ctx, input.innovationId);
  const { actor, innovation } = checked;
  const spooled = await spool(input.body);
  const batchId = randomUUID();
  try {
    await ctx.db.transaction(async (tx) => {
      await tx.insert(importBatches).values({
        id: batchId,
        regionCode: actor.regionCode,
        innovationId: innovation.id,
        source: "upload",
        fileName: input.fileName,
        mode: input.mode,
        dryRun: input.dryRun,
        status: "running",
        createdBy: actorId(actor),
      });
      // The outcome is audited when the import ends; this row says who started it and when.
      const after = {
        innovationId: innovation.id,
        source: "upload",
        fileName: input.fileName,
        mode: input.mode,
        dryRun: input.dryRun,
        bytes: spooled.size,
      };
      await writeAudit(
        tx,
        actor,
        { action: "beneficiary.import.start", entity: "import_batch", entityId: batchId, after },
        ctx.requestId,
      );
    });
  } catch (error) {
    removeSpool(spooled);
    throw error;
  }
  const job: Job = {
    rows: 0,
    bytes: 0,
    totalBytes: spooled.size,
    ownerId: actor.id,
    summary: {
      id: batchId,
      innovationId: innovation.id,
      fileName: input.fileName,
      mode: input.mode,
      dryRun: input.dryRun,
      createdAt: new Date().toISOString(),
    },
  };
  jobs().set(batchId, job);
  void importServiceRecords(ctx, {
    innovationId: innovation.id,
    checked,
    open: () =>
      openRecordFile(
        countingStream(unspool(spooled), (n) => (job.bytes = n)),
        input.fileName ?? "",
      ),
    fileName: input.fileName,
    dryRun: input.dryRun,
    mode: input.mode,
    locale: input.locale,
    source: "upload",
    columns: input.columns,
    batchId,
    onProgress: (rows) => (job.rows = rows),
  })
    .catch((error: unknown) => {
      // File errors are recorded on the batch by the import; anything else is logged (no row data).
      if (!(error instanceof AppError))
        requestLogger(ctx.requestId).error({ err: error, batchId }, "beneficiary import job failed");
    })
    .finally(() => {
      jobs().delete(batchId);
      removeSpool(spooled);
    });
  return { batchId };
}

/**
 * A running job's state for the user who started it, straight from memory. The embedded database
 * has one connection, which the import's transaction holds until it commits: a progress request
 * that waited for the database would not answer before the import ended.
 */
export function runningJobFor(batchId: string, userId: string): BatchSummary | null {
  const job = jobs().get(batchId);
  if (!job || job.ownerId !== userId) return null;
  return runningBatch(job.summary, progressOf(job));
}
