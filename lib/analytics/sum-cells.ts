import type { RegionFacts } from "./fact-store";

/** Records and amounts under a filter: the cells are summable, so this is a plain sum. */
export interface CellSums {
  records: number;
  amount: number | null;
  byMonth: Map<number, { records: number; amount: number | null }>;
  byKecamatan: Map<number, number>;
  byPlace: Map<number, number>;
  byInnovation: Map<number, { records: number; amount: number | null }>;
  /** Years with any record (whatever the filter's period), newest first. */
  years: number[];
}

const addAmount = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);

/**
 * `money` marks the innovations whose amounts are rupiah (amount_unit "IDR"): only those are summed,
 * so "Nilai tersalur (Rp)" never adds documents to rupiah.
 */
export function sumCells(
  facts: RegionFacts,
  innovations: Uint8Array,
  range: { from: number; to: number },
  kecamatan: number | null,
  money?: Uint8Array,
): CellSums {
  const out: CellSums = {
    records: 0,
    amount: null,
    byMonth: new Map(),
    byKecamatan: new Map(),
    byPlace: new Map(),
    byInnovation: new Map(),
    years: [],
  };
  const years = new Set<number>();
  for (const segment of facts.segments.values())
    for (const c of segment.cells) {
      years.add(Math.floor(c.month / 12));
      if (!innovations[segment.innovation] || c.month < range.from || c.month > range.to) continue;
      if (kecamatan !== null && c.kecamatan !== kecamatan) continue;
      out.records += c.records;
      const amount = !money || money[segment.innovation] ? c.amount : null;
      out.amount = addAmount(out.amount, amount);
      const month = out.byMonth.get(c.month) ?? { records: 0, amount: null };
      month.records += c.records;
      month.amount = addAmount(month.amount, amount);
      out.byMonth.set(c.month, month);
      out.byKecamatan.set(c.kecamatan, (out.byKecamatan.get(c.kecamatan) ?? 0) + c.records);
      const place = (c.kecamatan << 16) | c.desa;
      out.byPlace.set(place, (out.byPlace.get(place) ?? 0) + c.records);
      const inno = out.byInnovation.get(segment.innovation) ?? { records: 0, amount: null };
      inno.records += c.records;
      inno.amount = addAmount(inno.amount, amount);
      out.byInnovation.set(segment.innovation, inno);
    }
  out.years = [...years].sort((a, b) => b - a);
  return out;
}
