import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";

/*
 * The dashboard's facts follow the records batch by batch. A batch's records are only ever added
 * whole (when it commits) or removed whole (when it is undone), so its facts are computed from its
 * records when it commits and deleted when it is undone — in the caller's transaction, so facts
 * and records never disagree. The same SELECTs backfill existing batches in migration
 * 0014_dashboard_facts_backfill, and the packs in 0021_dashboard_fact_packs (keep them in step).
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
