import {
  bigint,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { innovations } from "./innovations";

export type BatchSource = "upload" | "api" | "cli";
/** "checked": a dry run (nothing written); "failed": nothing written (strict mode, a broken file, a crash). */
export type BatchStatus = "running" | "checked" | "done" | "failed" | "undone";

/**
 * A resident, stored once per region. Linked across innovations by an HMAC-SHA-256 of the NIK under
 * a secret key; the NIK and name are kept only encrypted (AES-256-GCM) for authorised look-up.
 * Sex, birth date and area of issue are derived from the NIK for aggregates.
 */
export const residents = pgTable(
  "residents",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    nikHash: text("nik_hash").notNull(),
    nikEncrypted: text("nik_encrypted").notNull(),
    nameEncrypted: text("name_encrypted"),
    sex: text("sex").$type<"L" | "P">().notNull(),
    birthDate: date("birth_date").notNull(),
    issueAreaCode: text("issue_area_code").notNull(),
    /** A small number per resident, for the dashboard's facts (lib/analytics); never shown. */
    ordinal: integer("ordinal").notNull().generatedAlwaysAsIdentity(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "residents_pk", columns: [t.regionCode, t.id] }),
    uniqueIndex("residents_nik_hash_uq").on(t.regionCode, t.nikHash),
  ],
);

/** One upload, API call or CLI run that brought service records; undoing it removes them all. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: uuid("id").notNull().defaultRandom(),
    regionCode: text("region_code").notNull(),
    innovationId: uuid("innovation_id").notNull(),
    source: text("source").$type<BatchSource>().notNull(),
    fileName: text("file_name"),
    mode: text("mode").notNull().default("default"),
    status: text("status").$type<BatchStatus>().notNull().default("running"),
    rows: integer("rows").notNull().default(0),
    accepted: integer("accepted").notNull().default(0),
    duplicates: integer("duplicates").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    report: jsonb("report").$type<Record<string, unknown>>(),
    /** A dry run: checked only, nothing written; kept for its report and rejected rows. */
    dryRun: boolean("dry_run").notNull().default(false),
    /** The rejected rows as CSV (with their NIKs, for the uploader to fix), AES-256-GCM encrypted. */
    rejectedRows: text("rejected_rows"),
    /** Why a batch failed as a whole (a file error code, or "interrupted"). */
    errorCode: text("error_code"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    undoneAt: timestamp("undone_at", { withTimezone: true }),
    /**
     * Records of this batch are stored but not published: the import is still writing them (in
     * short transactions, lib/beneficiaries/import/run-import.ts) or they await removal after the
     * import failed. Readers of service_records leave them out (lib/beneficiaries/published.ts).
     */
    pending: boolean("pending").notNull().default(false),
  },
  (t) => [
    primaryKey({ name: "import_batches_pk", columns: [t.regionCode, t.id] }),
    foreignKey({
      name: "import_batches_innovation_fk",
      columns: [t.regionCode, t.innovationId],
      foreignColumns: [innovations.regionCode, innovations.id],
    }),
    index("import_batches_innovation_idx").on(t.innovationId),
    index("import_batches_pending_idx")
      .on(t.id)
      .where(sql`pending`),
  ],
);

/** One service an innovation delivered to a resident. The same (innovation, resident, date, type) is one record. */
export const serviceRecords = pgTable(
  "service_records",
  {
    id: bigint("id", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
    regionCode: text("region_code").notNull(),
    innovationId: uuid("innovation_id").notNull(),
    residentId: uuid("resident_id").notNull(),
    serviceDate: date("service_date").notNull(),
    serviceType: text("service_type").notNull(),
    desaCode: text("desa_code"),
    amount: numeric("amount", { precision: 18, scale: 2, mode: "number" }),
    /** How the resident was served (loket_desa, kantor, daring, jemput_bola); null when the file did not say. */
    channel: text("channel"),
    /**
     * Every record comes with a batch (an upload, a CLI run, an API call, the demo seed): undo works
     * by batch, and cached aggregates know the records changed from the batches alone.
     */
    batchId: uuid("batch_id").notNull(),
    apiClient: text("api_client"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "service_records_pk", columns: [t.regionCode, t.id] }),
    foreignKey({
      name: "service_records_innovation_fk",
      columns: [t.regionCode, t.innovationId],
      foreignColumns: [innovations.regionCode, innovations.id],
    }),
    foreignKey({
      name: "service_records_resident_fk",
      columns: [t.regionCode, t.residentId],
      foreignColumns: [residents.regionCode, residents.id],
    }),
    foreignKey({
      name: "service_records_batch_fk",
      columns: [t.regionCode, t.batchId],
      foreignColumns: [importBatches.regionCode, importBatches.id],
    }),
    uniqueIndex("service_records_unique_uq").on(
      t.regionCode,
      t.innovationId,
      t.residentId,
      t.serviceDate,
      t.serviceType,
    ),
    // Led by region_code like the keys, so a region's queries (all of them, tests/unit/region-filter)
    // and a partition use them as they are.
    index("service_records_resident_idx").on(t.regionCode, t.residentId),
    index("service_records_batch_idx").on(t.regionCode, t.batchId),
  ],
);

/** Replays of the service-records API: the same key and body get the first answer again. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull(),
    key: text("key").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    response: jsonb("response").$type<unknown>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idempotency_keys_uq").on(t.userId, t.key)],
);

/**
 * Aggregates over service records kept for reuse: an innovation's impact reads every one of its
 * records (seconds at a million). A row is valid while `version` equals the records' current
 * version, which changes whenever a batch that wrote records commits or is undone
 * (lib/beneficiaries/aggregate-cache.ts). Derived counts only: no NIK, no name, no resident id.
 */
export const aggregateCache = pgTable(
  "aggregate_cache",
  {
    regionCode: text("region_code").notNull(),
    key: text("key").notNull(),
    version: text("version").notNull(),
    payload: jsonb("payload").$type<unknown>().notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "aggregate_cache_pk", columns: [t.regionCode, t.key] })],
);
