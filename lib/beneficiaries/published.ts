import { type AnyColumn, sql, type SQL } from "drizzle-orm";
import { serviceRecords } from "@/db/schema/beneficiaries";

/*
 * An import writes its records in short transactions, one per chunk, and publishes them at the end
 * in one quick step (lib/beneficiaries/import/run-import.ts). Until then its batch is `pending`, and
 * so is a failed batch until its records are removed. Every reader of service_records keeps to the
 * published ones with this condition.
 *
 * The pending batches are read once per query (an InitPlan over a partial index, usually empty), and
 * each record is compared with that short array: no join, no change of plan, a few per cent of a
 * full scan at most (docs/benchmarks.md, "Reading while importing").
 */

/** True for a record whose batch is published; `batchId` is the records' batch column (or an alias's). */
export function published(batchId: AnyColumn | SQL = serviceRecords.batchId): SQL {
  return sql`${batchId} <> all(array(select id from import_batches where pending))`;
}
