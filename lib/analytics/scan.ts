import type { Columns } from "./columns";
import type { RegionFacts } from "./fact-store";

/*
 * One pass over the region's facts answers every chart of the dashboard for one filter. The facts
 * are in resident order (./columns.ts), so all of one resident's facts come together: a resident
 * counts once in a cell (a month, a desa, an innovation…) when the cell's stamp is not yet theirs.
 * Exact, and the only memory a request touches besides the facts is a few small arrays.
 */

export interface ScanFilter {
  /** 1 for each innovation (index into RegionFacts.innovationIds) the filter keeps. */
  innovations: Uint8Array;
  /** Absolute months (year × 12 + month − 1), inclusive. */
  monthFrom: number;
  monthTo: number;
  /** Kecamatan number (18.11.04 → 4), or null for all. */
  kecamatan: number | null;
  /** Agency and urusan index of each innovation (−1: none), for the per-agency and per-urusan reach. */
  agencyOf: Int32Array;
  urusanOf: Int32Array;
  agencies: number;
  urusans: number;
}

export interface ScanResult {
  residents: number;
  /** Distinct residents per absolute month, from `firstMonth`. */
  firstMonth: number;
  byMonth: Int32Array;
  /** Distinct residents per place (index into RegionFacts.places). */
  byPlace: Int32Array;
  /** Distinct residents per kecamatan number. */
  byKecamatan: Map<number, number>;
  byInnovation: Int32Array;
  byAgency: Int32Array;
  byUrusan: Int32Array;
  /** [sex 0 = L, 1 = P][age band 0–5], each resident once (at their latest matching service). */
  pyramid: Int32Array;
  /** Residents reached by 1, 2, 3 and 4 or more of the filtered innovations. */
  overlap: [number, number, number, number];
  /** Residents shared by innovation i and j (i < j), at i × n + j. */
  pairs: Int32Array;
}

/** What one pass needs: the filter resolved per batch and place, the counters and their stamps. */
interface Pass {
  batchOk: Uint8Array;
  batchInnovation: Int32Array;
  placeOk: Uint8Array;
  kecOfPlace: Int32Array;
  yearMasks: Int32Array;
  minYear: number;
  firstMonth: number;
  agencyOf: Int32Array;
  urusanOf: Int32Array;
  /** The resident being read, plus one (stamps start at 0 = nobody). */
  tag: number;
  matched: boolean;
  latest: number;
  sexBand: number;
  mine: Int32Array;
  mineCount: number;
  byMonth: Int32Array;
  /** The resident's months per year (bit m − 1 for month m), counted once they are done. */
  monthsOfYear: Int32Array;
  byPlace: Int32Array;
  placeStamp: Int32Array;
  byKec: Int32Array;
  kecStamp: Int32Array;
  byInnovation: Int32Array;
  innoStamp: Int32Array;
  byAgency: Int32Array;
  agencyStamp: Int32Array;
  byUrusan: Int32Array;
  urusanStamp: Int32Array;
}

/** The resident's first fact at this place: the desa, and the kecamatan if it is their first there too. */
function firstAtPlace(s: Pass, place: number, tag: number) {
  s.placeStamp[place] = tag;
  s.byPlace[place]++;
  const kec = s.kecOfPlace[place];
  if (s.kecStamp[kec] !== tag) {
    s.kecStamp[kec] = tag;
    s.byKec[kec]++;
  }
}

/** The resident's first fact of this innovation: the innovation, its agency and its urusan. */
function firstOfInnovation(s: Pass, inno: number, tag: number) {
  s.innoStamp[inno] = tag;
  s.byInnovation[inno]++;
  s.mine[s.mineCount++] = inno;
  const agency = s.agencyOf[inno];
  if (agency >= 0 && s.agencyStamp[agency] !== tag) {
    s.agencyStamp[agency] = tag;
    s.byAgency[agency]++;
  }
  const urusan = s.urusanOf[inno];
  if (urusan >= 0 && s.urusanStamp[urusan] !== tag) {
    s.urusanStamp[urusan] = tag;
    s.byUrusan[urusan]++;
  }
}

/**
 * Counts one fact of the current resident into every cell it touches, each cell once per resident.
 * Kept small (the rare first-time paths are functions of their own) so the engine inlines it into
 * the scan's loop; months are gathered per year and counted when the resident is done.
 */
function visit(c: Columns, k: number, s: Pass) {
  const b = c.batch[k];
  const place = c.place[k];
  if (!s.batchOk[b] || !s.placeOk[place]) return;
  const p = c.packed[k];
  const y = (p >>> 25) + 2000 - s.minYear;
  const mask = p & 0xfff & s.yearMasks[y];
  if (!mask) return;
  s.matched = true;
  s.monthsOfYear[y] |= mask;
  const when = (p >>> 16) + 1;
  if (when > s.latest) {
    s.latest = when;
    s.sexBand = ((p >>> 15) & 1) * 6 + ((p >>> 12) & 7);
  }
  const tag = s.tag;
  if (s.placeStamp[place] !== tag) firstAtPlace(s, place, tag);
  const inno = s.batchInnovation[b];
  if (s.innoStamp[inno] !== tag) firstOfInnovation(s, inno, tag);
}

/** Counts the months the resident was served in (gathered per year by `visit`) and clears them. */
function countMonths(s: Pass) {
  for (let y = 0; y < s.monthsOfYear.length; y++) {
    let left = s.monthsOfYear[y];
    if (!left) continue;
    s.monthsOfYear[y] = 0;
    const base = (y + s.minYear) * 12 - s.firstMonth;
    for (; left; left &= left - 1) s.byMonth[base + 31 - Math.clz32(left & -left)]++;
  }
}

export function scanFacts(facts: RegionFacts, filter: ScanFilter): ScanResult {
  const n = facts.innovationIds.length;
  const [minYear, maxYear] = facts.years;
  const firstMonth = Math.max(minYear * 12, filter.monthFrom);
  const monthCount = Math.max(0, Math.min((maxYear + 1) * 12 - 1, filter.monthTo) - firstMonth + 1);
  // The filter's months of each year, as a mask over that year's month bits.
  const yearMasks = new Int32Array(maxYear - minYear + 1);
  for (let y = minYear; y <= maxYear; y++)
    for (let m = 0; m < 12; m++)
      if (y * 12 + m >= filter.monthFrom && y * 12 + m <= filter.monthTo) yearMasks[y - minYear] |= 1 << m;
  const places = facts.places.length;
  const kecOfPlace = Int32Array.from(facts.places, (p) => p >> 16);
  const placeOk = Uint8Array.from(kecOfPlace, (k) => (filter.kecamatan === null || k === filter.kecamatan ? 1 : 0));
  const batchOk = Uint8Array.from(facts.batchInnovation, (inno) => (inno >= 0 && filter.innovations[inno] ? 1 : 0));
  const kecCount = Math.max(0, ...kecOfPlace) + 1;
  const s: Pass = {
    batchOk,
    batchInnovation: facts.batchInnovation,
    placeOk,
    kecOfPlace,
    yearMasks,
    minYear,
    firstMonth,
    agencyOf: filter.agencyOf,
    urusanOf: filter.urusanOf,
    tag: 0,
    matched: false,
    latest: 0,
    sexBand: 0,
    mine: new Int32Array(n),
    mineCount: 0,
    byMonth: new Int32Array(monthCount),
    monthsOfYear: new Int32Array(maxYear - minYear + 1),
    byPlace: new Int32Array(places),
    placeStamp: new Int32Array(places),
    byKec: new Int32Array(kecCount),
    kecStamp: new Int32Array(kecCount),
    byInnovation: new Int32Array(n),
    innoStamp: new Int32Array(n),
    byAgency: new Int32Array(filter.agencies),
    agencyStamp: new Int32Array(filter.agencies),
    byUrusan: new Int32Array(filter.urusans),
    urusanStamp: new Int32Array(filter.urusans),
  };

  let residents = 0;
  const pyramid = new Int32Array(12);
  const overlap: [number, number, number, number] = [0, 0, 0, 0];
  const pairs = new Int32Array(n * n);
  const { main, delta } = facts;
  let i = 0;
  let j = 0;
  while (i < main.length || j < delta.length) {
    const who =
      j >= delta.length || (i < main.length && main.ordinal[i] <= delta.ordinal[j])
        ? main.ordinal[i]
        : delta.ordinal[j];
    s.tag = who + 1;
    s.matched = false;
    s.latest = 0;
    s.mineCount = 0;
    while (i < main.length && main.ordinal[i] === who) visit(main, i++, s);
    while (j < delta.length && delta.ordinal[j] === who) visit(delta, j++, s);
    if (!s.matched) continue;
    residents++;
    pyramid[s.sexBand]++;
    countMonths(s);
    const count = s.mineCount;
    overlap[Math.min(count, 4) - 1]++;
    for (let a = 0; a < count; a++)
      for (let b = a + 1; b < count; b++) {
        const x = s.mine[a];
        const y = s.mine[b];
        pairs[x < y ? x * n + y : y * n + x]++;
      }
  }

  const byKecamatan = new Map<number, number>();
  s.byKec.forEach((v, kec) => {
    if (v) byKecamatan.set(kec, v);
  });
  return {
    residents,
    firstMonth,
    byMonth: s.byMonth,
    byPlace: s.byPlace,
    byKecamatan,
    byInnovation: s.byInnovation,
    byAgency: s.byAgency,
    byUrusan: s.byUrusan,
    pyramid,
    overlap,
    pairs,
  };
}
