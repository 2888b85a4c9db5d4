import { sql } from "drizzle-orm";
import { type Executor, rowsOf } from "@/db/client";
import { PACK_FACTS } from "./facts";

/*
 * Reads the facts of some batches as columns of integers. A batch's facts travel as one binary
 * value (its pack, written with the facts: 12 bytes per fact), so a million facts cost one value
 * on the wire instead of a million rows, and decoding is a walk over a byte array.
 */

/**
 * One batch's facts, in columns. `place` = kecamatan << 16 | desa; `packed` holds, from the top
 * bit: year − 2000 (7 bits), day of the year of the last service (9), sex − 1 (1), age band (3),
 * months served (12, bit m − 1 for month m).
 */
export interface Segment {
  batchId: string;
  innovationId: string;
  length: number;
  ordinal: Int32Array;
  place: Int32Array;
  packed: Uint32Array;
  maxOrdinal: number;
  cells: Cell[];
}

/** Records and amounts of one batch in one month and desa. */
export interface Cell {
  /** year × 12 + month − 1 */
  month: number;
  kecamatan: number;
  desa: number;
  records: number;
  amount: number | null;
}

export const packedYear = (p: number) => 2000 + (p >>> 25);
export const packedLast = (p: number) => p >>> 16; // year and day: larger is later
export const packedSex = (p: number) => (p >>> 15) & 1;
export const packedBand = (p: number) => (p >>> 12) & 7;
export const packedMonths = (p: number) => p & 0xfff;

/** Decodes a pack (big-endian: ordinal, place, packed; 12 bytes per fact) into the segment's columns. */
function decodePack(bytes: Uint8Array | null, s: Segment) {
  if (!bytes) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let row = 0, at = 0; row < s.length; row++, at += 12) {
    const ordinal = view.getInt32(at);
    s.ordinal[row] = ordinal;
    if (ordinal > s.maxOrdinal) s.maxOrdinal = ordinal;
    s.place[row] = view.getInt32(at + 4);
    s.packed[row] = view.getUint32(at + 8);
  }
}

interface PackRow {
  batch_id: string;
  n: number;
  packed: Uint8Array | null;
}

interface CellRow {
  batch_id: string;
  year: number;
  month: number;
  kecamatan: number;
  desa: number;
  records: number;
  amount: string | number | null;
}

/** The facts and cells of these batches (of one region); a batch without facts comes back empty. */
export async function loadSegments(
  db: Executor,
  regionCode: string,
  batches: { id: string; innovationId: string }[],
): Promise<Segment[]> {
  if (!batches.length) return [];
  const ids = `{${batches.map((b) => b.id).join(",")}}`;
  const [packs, cells] = await Promise.all([
    db.execute(sql`
      select batch_id::text, facts as n, packed
      from service_fact_packs
      where region_code = ${regionCode} and batch_id = any(${ids}::uuid[])`),
    db.execute(sql`
      select batch_id::text, year, month, kecamatan, desa, records, amount
      from service_cells
      where region_code = ${regionCode} and batch_id = any(${ids}::uuid[])`),
  ]);
  const byBatch = new Map(rowsOf<PackRow>(packs).map((r) => [r.batch_id, r]));
  const unpacked = batches.filter((b) => !byBatch.has(b.id)).map((b) => b.id);
  if (unpacked.length) {
    // Facts written without a pack (none should be): packed here from the rows, the same way.
    const rows = await db.execute(sql`
      select f.batch_id::text, count(*)::int as n, ${PACK_FACTS} as packed
      from service_facts f
      where f.region_code = ${regionCode} and f.batch_id = any(${`{${unpacked.join(",")}}`}::uuid[])
      group by f.batch_id`);
    for (const r of rowsOf<PackRow>(rows)) byBatch.set(r.batch_id, r);
  }
  const cellsByBatch = new Map<string, Cell[]>();
  for (const c of rowsOf<CellRow>(cells)) {
    const list = cellsByBatch.get(c.batch_id) ?? [];
    list.push({
      month: c.year * 12 + c.month - 1,
      kecamatan: c.kecamatan,
      desa: c.desa,
      records: c.records,
      amount: c.amount === null ? null : Number(c.amount),
    });
    cellsByBatch.set(c.batch_id, list);
  }
  return batches.map((b) => {
    const row = byBatch.get(b.id);
    const n = row?.n ?? 0;
    const segment: Segment = {
      batchId: b.id,
      innovationId: b.innovationId,
      length: n,
      ordinal: new Int32Array(n),
      place: new Int32Array(n),
      packed: new Uint32Array(n),
      maxOrdinal: 0,
      cells: cellsByBatch.get(b.id) ?? [],
    };
    decodePack(row?.packed ?? null, segment);
    return segment;
  });
}
