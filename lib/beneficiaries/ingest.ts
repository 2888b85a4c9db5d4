import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { idempotencyKeys } from "@/db/schema/beneficiaries";
import { LOCALES } from "@/i18n/locales";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { AppError, ConflictError, isUniqueViolation, parseInput } from "@/lib/errors";
import { canonicalColumn, RECORD_COLUMNS } from "./import/columns";
import { RecordFileError } from "./import/file-error";
import { importableInnovation, importServiceRecords } from "./import/run-import";
import { jsonRowSource } from "./import/sources";

export const MAX_API_RECORDS = 10_000;

const cell = z.union([z.string(), z.number(), z.null()]).optional();
/** One record of the JSON batch: the file's columns as keys (aliases accepted). */
const apiRecordSchema = z.record(z.string(), cell);
const serviceRecordsBodySchema = z.object({
  records: z.array(apiRecordSchema).min(1),
  mode: z.enum(["default", "strict"]).optional(),
});

const keySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/);

export interface IngestResult {
  /** 422 for a strict import that wrote nothing (the route adds the error to the report). */
  status: number;
  body: unknown;
  replayed: boolean;
}

/** A stable hash of the request: key order inside records does not change it. */
function requestHash(innovationId: string, body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash("sha256")
    .update(innovationId)
    .update("\n")
    .update(JSON.stringify(canonical(body)))
    .digest("hex");
}

async function storedAnswer(ctx: Ctx, userId: string, key: string, hash: string): Promise<IngestResult | null> {
  const [row] = await ctx.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key)))
    .limit(1);
  if (!row) return null;
  if (row.requestHash !== hash) throw new ConflictError("idempotency_conflict");
  return { status: row.status, body: row.response, replayed: true };
}

/**
 * `POST /innovations/{id}/service-records`: a JSON batch from an agency's own system. With an
 * Idempotency-Key, the first answer is stored in the same transaction as the records, so a retry
 * after a lost response replays it instead of importing twice; the same key with another body is
 * refused (409).
 */
const ingestInput = z.object({
  innovationId: z.string(),
  body: z.unknown(),
  idempotencyKey: z.string().nullable(),
  locale: z.enum(LOCALES),
});

export async function ingestServiceRecords({ ctx, input: raw }: { ctx: Ctx; input: unknown }): Promise<IngestResult> {
  requirePermission(ctx, "beneficiary.import");
  const input = parseInput(ingestInput, raw);
  const checked = await importableInnovation(ctx, input.innovationId);
  const { actor } = checked;
  let key: string | null = null;
  if (input.idempotencyKey !== null) {
    const parsed = keySchema.safeParse(input.idempotencyKey);
    if (!parsed.success) throw new AppError(422, "idempotency_key_invalid");
    key = parsed.data;
  }
  // Hashing up to 10,000 records is only needed to match or store an Idempotency-Key.
  const hash = key ? requestHash(input.innovationId, input.body) : "";
  if (key) {
    const stored = await storedAnswer(ctx, actor.id, key, hash);
    if (stored) return stored;
  }
  if (input.body && typeof input.body === "object" && Array.isArray((input.body as { records?: unknown }).records)) {
    const n = (input.body as { records: unknown[] }).records.length;
    if (n > MAX_API_RECORDS) throw new RecordFileError("records_too_many", { max: MAX_API_RECORDS });
  }
  const body = parseInput(serviceRecordsBodySchema, input.body);
  const records = body.records.map((record) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) {
      const column = canonicalColumn(k);
      if (column && !(column in out)) out[column] = v;
    }
    return out;
  });

  try {
    const report = await importServiceRecords(ctx, {
      innovationId: input.innovationId,
      checked,
      open: async () => jsonRowSource(records, RECORD_COLUMNS),
      dryRun: false,
      mode: body.mode ?? "default",
      locale: input.locale,
      source: "api",
      apiClient: actor.kind === "token" ? `token:${actor.email}` : "api",
      inTransaction: key
        ? async (tx, built) => {
            await tx
              .insert(idempotencyKeys)
              .values({ userId: actor.id, key: key!, requestHash: hash, status: 200, response: built });
          }
        : undefined,
    });
    return { status: report.status === "failed" ? 422 : 200, body: report, replayed: false };
  } catch (error) {
    // The same key raced in from a parallel request: its answer is the one to give.
    if (key && isUniqueViolation(error)) {
      const stored = await storedAnswer(ctx, actor.id, key, hash);
      if (stored) return stored;
    }
    throw error;
  }
}
