import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "@/db/client";
import { encryptField, hashNik } from "@/lib/crypto";
import { chunkFactsCtes } from "@/lib/analytics/facts";
import { published } from "../published";
import { pgArray } from "./pg-array";
import type { ValidRecord } from "./validate-row";

/** Rows per INSERT: arrays travel as one parameter per column, so a chunk costs a few statements. */
export const CHUNK_ROWS = 5000;
/**
 * On the embedded database a chunk's statement runs on the app's own thread, and every page waits
 * for it: smaller chunks there keep a page's wait short while an import runs, and a short pause
 * before each chunk lets the requests that arrived meanwhile run all their queries first (the
 * connection is handed out in turn, and the import would otherwise take it back straight away,
 * before a timer or a request could even run). docs/benchmarks.md, "Reading while importing".
 */
export const EMBEDDED_CHUNK_ROWS = 2500;
export const EMBEDDED_PAUSE_MS = 40;

/**
 * Bulk statements over thousands of rows look expensive to the planner, which would then compile
 * them with LLVM (JIT) on every chunk — 100–200 ms each, more than the work itself. Off for this
 * transaction only (PGlite has no JIT; the setting is accepted and ignored).
 */
export async function withoutJit(db: Executor) {
  await db.execute(sql`set local jit = off`);
}

export interface ChunkTarget {
  regionCode: string;
  innovationId: string;
  batchId: string | null;
  apiClient: string | null;
  /**
   * The unique keys live on each partition, not on the parent (a region may be on a server of its
   * own, db/foreign-partitions.ts): the inserts then name no conflict target, which PostgreSQL cannot
   * infer there and which postgres_fdw forwards to the region's server, whose unique index decides.
   * Elsewhere the target is named, so that only that key's repeats are skipped (and a bit faster).
   */
  keysOnPartitions?: boolean;
}

/** `on conflict (keys) do nothing`, or without a target when the keys are per partition. */
function onConflictSkip(target: ChunkTarget, keys: string) {
  return sql.raw(target.keysOnPartitions ? "on conflict do nothing" : `on conflict (${keys}) do nothing`);
}

/** A valid record with its resident link computed. */
export interface KeyedRecord extends ValidRecord {
  nikHash: string;
}

export function keyRecord(record: ValidRecord): KeyedRecord {
  return { ...record, nikHash: hashNik(record.nik) };
}

/**
 * The identity of a service record inside one innovation (resident, date, type) as a 12-character
 * string, for remembering a million of them during a dry run: 56 bits of the resident's HMAC, the
 * day number and a per-run number for the service type, packed into bytes. A flat string made from
 * a buffer costs about 60 bytes in a Set, where a template string with slices of the hash costs
 * several hundred. Two residents sharing 56 bits of HMAC is about a one-in-10^6 event for 240,000
 * residents, and would at worst count one dry-run row as a duplicate.
 */
export function recordKeyMaker() {
  const types = new Map<string, number>();
  const buf = Buffer.alloc(12);
  return (r: KeyedRecord): string => {
    buf.write(r.nikHash.slice(0, 14), 0, "hex");
    buf.writeUInt16BE((Date.parse(r.serviceDate) / 86_400_000) & 0xffff, 7);
    let type = types.get(r.serviceType);
    if (type === undefined) types.set(r.serviceType, (type = types.size));
    buf.writeUIntBE(type & 0xffffff, 9, 3);
    return buf.toString("latin1");
  };
}

/** The chunk's new residents (not yet seen in this batch), sorted by hash so the unique index fills in order. */
function freshResidents(records: KeyedRecord[], known: Set<string>): KeyedRecord[] {
  const fresh = new Map<string, KeyedRecord>();
  for (const r of records) if (!known.has(r.nikHash) && !fresh.has(r.nikHash)) fresh.set(r.nikHash, r);
  return [...fresh.values()].sort((a, b) => (a.nikHash < b.nikHash ? -1 : a.nikHash > b.nikHash ? 1 : 0));
}

/**
 * Prepares one chunk of valid records as a single statement; the answered function runs it and
 * answers how many records were new. The residents not seen before in this batch are inserted
 * (NIK and name encrypted here, now), then the records are inserted joined to their residents by
 * HMAC, in resident order so each index page is touched once per chunk. The same (innovation,
 * resident, date, type) already stored — or earlier in the batch — is skipped by the unique index.
 * Preparing apart from running lets a chunk's JavaScript work overlap the previous chunk's
 * database work. `known` remembers the hashes of residents written earlier in this batch; chunks
 * must run in the order they were prepared, each in a short transaction of its own: the batch stays
 * unpublished (pending) until all have run, and a failure removes what they stored (interrupted.ts).
 * The same statement adds the chunk's dashboard facts (lib/analytics/facts.ts, chunkFactsCtes).
 */
export function prepareChunk(
  target: ChunkTarget,
  records: KeyedRecord[],
  known: Set<string>,
): (db: Executor) => Promise<number> {
  if (records.length === 0) return async () => 0;
  const fresh = freshResidents(records, known);
  for (const r of fresh) known.add(r.nikHash);
  const statement = (newcomers: KeyedRecord[]) => sql`
    with input as (
      select * from unnest(${pgArray(newcomers.map((r) => r.nikHash))}::text[], ${pgArray(newcomers.map((r) => encryptField(r.nik, "nik")))}::text[],
        ${pgArray(newcomers.map((r) => (r.name ? encryptField(r.name, "name") : null)))}::text[], ${pgArray(newcomers.map((r) => r.sex))}::text[],
        ${pgArray(newcomers.map((r) => r.birthDate))}::date[], ${pgArray(newcomers.map((r) => r.issueAreaCode))}::text[])
        as t(nik_hash, nik_encrypted, name_encrypted, sex, birth_date, issue_area_code)
    ), inserted as (
      insert into residents (region_code, nik_hash, nik_encrypted, name_encrypted, sex, birth_date, issue_area_code)
      select ${target.regionCode}, nik_hash, nik_encrypted, name_encrypted, sex, birth_date, issue_area_code from input
      ${onConflictSkip(target, "region_code, nik_hash")}
      returning id, nik_hash, ordinal, sex, birth_date
    ), records as (
      select * from unnest(${pgArray(records.map((r) => r.nikHash))}::text[], ${pgArray(records.map((r) => r.serviceDate))}::date[],
        ${pgArray(records.map((r) => r.serviceType))}::text[], ${pgArray(records.map((r) => r.desaCode))}::text[],
        ${pgArray(records.map((r) => r.amount))}::numeric[], ${pgArray(records.map((r) => r.channel))}::text[])
        as u(nik_hash, service_date, service_type, desa_code, amount, channel)
    ), ids as (
      select id, nik_hash, ordinal, sex, birth_date from inserted
      union all
      -- One index probe per distinct hash (lateral), never a scan of the region's residents.
      select r.id, r.nik_hash, r.ordinal, r.sex, r.birth_date from (select distinct nik_hash from records) h
      cross join lateral (select id, nik_hash, ordinal, sex, birth_date from residents where region_code = ${target.regionCode} and nik_hash = h.nik_hash) r
    ), written as (
      insert into service_records (region_code, innovation_id, resident_id, service_date, service_type, desa_code, amount, channel, batch_id, api_client)
      select ${target.regionCode}, ${target.innovationId}::uuid, ids.id, u.service_date, u.service_type, u.desa_code, u.amount, u.channel,
        ${target.batchId}::uuid, ${target.apiClient}
      from records u join ids on ids.nik_hash = u.nik_hash
      order by ids.id
      ${onConflictSkip(target, "region_code, innovation_id, resident_id, service_date, service_type")}
      returning region_code, batch_id, innovation_id, resident_id, service_date, desa_code, amount
    )${chunkFactsCtes()}
    select (select count(*)::int from written) as n,
      (select count(*)::int from records u where not exists (select 1 from ids where ids.nik_hash = u.nik_hash)) as orphans`;
  const first = statement(fresh);
  return async (db) => {
    const result = rowsOf<{ n: number; orphans: number }>(await db.execute(first))[0];
    if (result.orphans === 0) return result.n;
    // A resident committed by a concurrent import after this statement's snapshot: neither inserted
    // here nor visible. The next statement sees it; records already written are skipped as repeats.
    return result.n + rowsOf<{ n: number }>(await db.execute(statement([])))[0].n;
  };
}

/**
 * For a dry run: how many of these records (already unique within the file) are stored already.
 */
export async function countStored(db: Executor, target: ChunkTarget, records: KeyedRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const result = await db.execute(sql`
    select count(*)::int as n
    from unnest(${pgArray(records.map((r) => r.nikHash))}::text[], ${pgArray(records.map((r) => r.serviceDate))}::date[],
      ${pgArray(records.map((r) => r.serviceType))}::text[]) as k(nik_hash, service_date, service_type)
    join residents r on r.region_code = ${target.regionCode} and r.nik_hash = k.nik_hash
    join service_records s on s.innovation_id = ${target.innovationId}::uuid and s.resident_id = r.id
      and s.service_date = k.service_date and s.service_type = k.service_type
      and ${published(sql`s.batch_id`)}`);
  return rowsOf<{ n: number }>(result)[0]?.n ?? 0;
}
