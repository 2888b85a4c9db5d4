import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { rowsOf } from "@/lib/beneficiaries/import/write-chunk";

/*
 * Reads the facts of some batches as columns of integers. A batch's facts travel as one text value
 * (`string_agg` of three integers per fact), parsed by hand: half a million facts cost one value on
 * the wire instead of half a million rows — many times faster to fetch and decode, on both drivers.
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

const PACKED = sql.raw(
  `(((year - 2000)::bigint << 25) | (extract(doy from last_date)::bigint << 16) | ((sex - 1)::bigint << 15) | (age_band::bigint << 12) | months::bigint)`,
);

/** Parses "a,b,c,a,b,c,…" (non-negative integers) into the three columns. */
function parseTriples(text: string | null, n: number, s: Segment) {
  if (!text) return;
  let value = 0;
  let field = 0;
  let row = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 44;
    if (c !== 44) {
      value = value * 10 + (c - 48);
      continue;
    }
    if (field === 0) {
      s.ordinal[row] = value;
      if (value > s.maxOrdinal) s.maxOrdinal = value;
    } else if (field === 1) s.place[row] = value;
    else s.packed[row++] = value;
    field = field === 2 ? 0 : field + 1;
    value = 0;
    if (row === n) break;
  }
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
  const [facts, cells] = await Promise.all([
    db.execute(sql`
      select batch_id::text, count(*)::int as n,
        string_agg(resident_ordinal || ',' || ((kecamatan::int << 16) | desa::int) || ',' || ${PACKED}, ',') as triples
      from service_facts
      where region_code = ${regionCode} and batch_id = any(${ids}::uuid[])
      group by batch_id`),
    db.execute(sql`
      select batch_id::text, year, month, kecamatan, desa, records, amount
      from service_cells
      where region_code = ${regionCode} and batch_id = any(${ids}::uuid[])`),
  ]);
  const byBatch = new Map(
    rowsOf<{ batch_id: string; n: number; triples: string | null }>(facts).map((r) => [r.batch_id, r]),
  );
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
    parseTriples(row?.triples ?? null, n, segment);
    return segment;
  });
}
