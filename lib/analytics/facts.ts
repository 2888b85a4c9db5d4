import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/*
 * The dashboard's facts follow the records batch by batch. A batch's records are only ever published
 * whole or removed whole (undone, or never published), so its facts are computed from its records
 * and deleted with them. An import adds them chunk by chunk, in the statement that writes the chunk
 * (`chunkFactsCtes`, merging into the batch's facts so far), so publishing costs nothing; the facts
 * of an unpublished batch are never read (lib/analytics/fact-store.ts loads `done` batches only).
 * Once a batch is published its facts are packed into one value (`packBatchFacts`, in a short
 * transaction of its own; a batch without a pack is packed when it is loaded). Other writers (the
 * demo seed, tests) compute a batch's facts and pack at once with `applyBatchFacts`. The same
 * SELECTs backfill existing batches in migrations 0014_dashboard_facts_backfill and
 * 0021_dashboard_fact_packs (keep them in step).
 */

export interface BatchRef {
  regionCode: string;
  batchId: string;
}

/** Age band index (AGE_BANDS in lib/nik) at the last service. */
const AGE_BAND = sql.raw(`case
  when extract(year from age(max(sr.service_date), r.birth_date)) < 5 then 0
  when extract(year from age(max(sr.service_date), r.birth_date)) < 15 then 1
  when extract(year from age(max(sr.service_date), r.birth_date)) < 25 then 2
  when extract(year from age(max(sr.service_date), r.birth_date)) < 45 then 3
  when extract(year from age(max(sr.service_date), r.birth_date)) < 65 then 4
  else 5 end`);
/** 18.11.04.2001 → 4 and 2001; no desa → 0 and 0. */
const KECAMATAN = sql.raw(`coalesce(nullif(split_part(sr.desa_code, '.', 3), '')::smallint, 0)`);
const DESA = sql.raw(`coalesce(nullif(split_part(sr.desa_code, '.', 4), '')::smallint, 0)`);
const YEAR = sql.raw(`extract(year from sr.service_date)::smallint`);

function insertFacts(where: SQL): SQL {
  return sql`
    insert into service_facts (region_code, batch_id, resident_ordinal, year, kecamatan, desa, innovation_id, sex, age_band, months, first_date, last_date, records, amount)
    select sr.region_code, sr.batch_id, r.ordinal, ${YEAR}, ${KECAMATAN}, ${DESA}, sr.innovation_id,
      case when r.sex = 'L' then 1 else 2 end, ${AGE_BAND},
      bit_or(1 << (extract(month from sr.service_date)::int - 1)),
      min(sr.service_date), max(sr.service_date), count(*), sum(sr.amount)
    from service_records sr join residents r on r.id = sr.resident_id
    where ${where}
    group by sr.region_code, sr.batch_id, r.ordinal, 4, 5, 6, sr.innovation_id, r.sex, r.birth_date`;
}

/**
 * The facts of the rows `where` selects (from service_facts `f`), packed as 12 bytes per fact
 * (see serviceFactPacks): resident ordinal, place, and year/day/sex/band/months in 32 bits.
 */
export const PACK_FACTS = sql.raw(`string_agg(
  int4send(f.resident_ordinal) || int4send((f.kecamatan::int << 16) | f.desa::int)
  || substring(int8send(((f.year - 2000)::bigint << 25) | (extract(doy from f.last_date)::bigint << 16)
    | ((f.sex - 1)::bigint << 15) | (f.age_band::bigint << 12) | f.months::bigint) from 5 for 4), ''::bytea)`);

/**
 * The pack of a published batch whose facts were written chunk by chunk, from its stored facts.
 * Idempotent; a batch undone meanwhile has no facts and gets no pack.
 */
export async function packBatchFacts(db: Executor, { regionCode, batchId }: BatchRef): Promise<void> {
  await db.execute(sql`
    insert into service_fact_packs (region_code, batch_id, facts, packed)
    select ${regionCode}, ${batchId}::uuid, count(*)::int, ${PACK_FACTS}
    from service_facts f
    where f.region_code = ${regionCode} and f.batch_id = ${batchId}::uuid
    having count(*) > 0
    on conflict (region_code, batch_id) do nothing`);
}

/** The facts insert, with the batch's pack built from the rows it returns (one statement, no re-read). */
function insertFactsAndPack(where: SQL, regionCode: string, batchId: string): SQL {
  return sql`
    with f as (${insertFacts(where)}
      returning resident_ordinal, kecamatan, desa, year, last_date, sex, age_band, months)
    insert into service_fact_packs (region_code, batch_id, facts, packed)
    select ${regionCode}, ${batchId}::uuid, count(*)::int, coalesce(${PACK_FACTS}, ''::bytea) from f`;
}

function insertCells(where: SQL): SQL {
  return sql`
    insert into service_cells (region_code, batch_id, year, month, kecamatan, desa, innovation_id, records, amount)
    select sr.region_code, sr.batch_id, ${YEAR}, extract(month from sr.service_date)::smallint, ${KECAMATAN}, ${DESA}, sr.innovation_id, count(*), sum(sr.amount)
    from service_records sr
    where ${where}
    group by sr.region_code, sr.batch_id, 3, 4, 5, 6, sr.innovation_id`;
}

/**
 * Adds (+1, when a batch commits) or removes (-1, when it is undone) the facts of one batch. Call it
 * in the transaction that commits or undoes the batch: after its records are written, or in any
 * order with their deletion.
 */
export async function applyBatchFacts(tx: Executor, { regionCode, batchId }: BatchRef, sign: 1 | -1): Promise<void> {
  if (sign === 1) {
    const where = sql`sr.region_code = ${regionCode} and sr.batch_id = ${batchId}::uuid`;
    await tx.execute(insertFactsAndPack(where, regionCode, batchId));
    await tx.execute(insertCells(where));
    return;
  }
  await tx.execute(sql`delete from service_facts where region_code = ${regionCode} and batch_id = ${batchId}::uuid`);
  await tx.execute(sql`delete from service_cells where region_code = ${regionCode} and batch_id = ${batchId}::uuid`);
  await tx.execute(
    sql`delete from service_fact_packs where region_code = ${regionCode} and batch_id = ${batchId}::uuid`,
  );
}

/**
 * Common table expressions to append to a chunk's statement (lib/beneficiaries/import/write-chunk.ts):
 * the facts and cells of the records the statement wrote, merged into those of the batch's earlier
 * chunks — the same figures `applyBatchFacts` computes from the whole batch. Expects the CTEs
 * `written` (the inserted service_records rows) and `ids` (their residents: id, ordinal, sex,
 * birth_date); the residents inserted by the same statement are not yet visible in `residents`.
 */
export function chunkFactsCtes(): SQL {
  return sql`, chunk_facts as (
      insert into service_facts as f (region_code, batch_id, resident_ordinal, year, kecamatan, desa, innovation_id, sex, age_band, months, first_date, last_date, records, amount)
      select sr.region_code, sr.batch_id, r.ordinal, ${YEAR}, ${KECAMATAN}, ${DESA}, sr.innovation_id,
        case when r.sex = 'L' then 1 else 2 end, ${AGE_BAND},
        bit_or(1 << (extract(month from sr.service_date)::int - 1)),
        min(sr.service_date), max(sr.service_date), count(*), sum(sr.amount)
      from written sr join ids r on r.id = sr.resident_id
      group by sr.region_code, sr.batch_id, r.ordinal, 4, 5, 6, sr.innovation_id, r.sex, r.birth_date
      on conflict (region_code, batch_id, resident_ordinal, year, kecamatan, desa) do update set
        months = f.months | excluded.months,
        first_date = least(f.first_date, excluded.first_date),
        last_date = greatest(f.last_date, excluded.last_date),
        age_band = case when excluded.last_date > f.last_date then excluded.age_band else f.age_band end,
        records = f.records + excluded.records,
        amount = case when f.amount is null and excluded.amount is null then null
          else coalesce(f.amount, 0) + coalesce(excluded.amount, 0) end
      returning 1
    ), chunk_cells as (
      insert into service_cells as c (region_code, batch_id, year, month, kecamatan, desa, innovation_id, records, amount)
      select sr.region_code, sr.batch_id, ${YEAR}, extract(month from sr.service_date)::smallint, ${KECAMATAN}, ${DESA}, sr.innovation_id, count(*), sum(sr.amount)
      from written sr
      group by sr.region_code, sr.batch_id, 3, 4, 5, 6, sr.innovation_id
      on conflict (region_code, batch_id, year, month, kecamatan, desa) do update set
        records = c.records + excluded.records,
        amount = case when c.amount is null and excluded.amount is null then null
          else coalesce(c.amount, 0) + coalesce(excluded.amount, 0) end
      returning 1
    )`;
}
