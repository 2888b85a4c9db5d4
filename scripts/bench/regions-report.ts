import { sql, TransactionRollbackError } from "drizzle-orm";
import { type Db, rowsOf } from "@/db/client";
import { percentile } from "./dashboard-data";
import { MEASURED } from "./regions-build";

/**
 * The province-wide summary: distinct residents and records of every region's service records,
 * grouped by region_code; milliseconds of each of `runs` runs, with partitionwise aggregation off
 * (the server's default) or on.
 */
export async function provinceSummary(db: Db, partitionwise: boolean, runs: number) {
  const times: number[] = [];
  let regions = 0;
  for (let i = 0; i < runs; i++)
    await db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local enable_partitionwise_aggregate = ${partitionwise ? "on" : "off"}`));
      const start = performance.now();
      const result = await tx.execute(sql`
        select region_code, count(distinct resident_id)::int as residents, count(*)::int as records
        from service_records group by region_code`);
      times.push(performance.now() - start);
      regions = rowsOf(result).length;
    });
  return { p50: percentile(times, 50), regions };
}

/** The plan of a one-region query over the records: with partitions, only 18.11's is scanned. */
export async function pruningPlan(db: Db): Promise<string[]> {
  const plan = rowsOf<{ "QUERY PLAN": string }>(
    await db.execute(sql`explain (costs off)
      select service_date, count(distinct resident_id), count(*) from service_records
      where region_code = ${MEASURED} and service_date >= '2024-01-01' group by 1`),
  );
  return plan.map((r) => r["QUERY PLAN"]);
}

/**
 * Where an insert of records spends its time: EXPLAIN ANALYZE of `rows` of 18.11's records written
 * again under a new batch (a service type changed, so none is a duplicate), rolled back. Answers the
 * execution time and each foreign-key trigger's time and calls, in milliseconds.
 */
export async function insertTriggerTimes(db: Db, rows: number) {
  let lines: string[] = [];
  await db
    .transaction(async (tx) => {
      const [batch] = rowsOf<{ id: string }>(
        await tx.execute(sql`
          insert into import_batches (region_code, innovation_id, source, status)
          select region_code, innovation_id, 'cli', 'done' from import_batches where region_code = ${MEASURED} limit 1
          returning id::text as id`),
      );
      lines = rowsOf<{ "QUERY PLAN": string }>(
        await tx.execute(sql`explain (analyze)
          insert into service_records (region_code, innovation_id, resident_id, service_date, service_type, desa_code, amount, batch_id)
          select region_code, innovation_id, resident_id, service_date, service_type || ' (bench)', desa_code, amount, ${batch.id}::uuid
          from service_records where region_code = ${MEASURED} limit ${rows}`),
      ).map((r) => r["QUERY PLAN"]);
      tx.rollback();
    })
    .catch((e: unknown) => {
      if (!(e instanceof TransactionRollbackError)) throw e;
    });
  const triggers = lines
    .map((l) => /^Trigger for constraint (\S+)(?: on \S+)?: time=([\d.]+) calls=(\d+)/.exec(l))
    .filter((m) => m !== null)
    .map((m) => ({ name: m[1], ms: Number(m[2]), calls: Number(m[3]) }));
  const total = Number(/Execution Time: ([\d.]+)/.exec(lines.join("\n"))?.[1] ?? NaN);
  return { total, triggers };
}
