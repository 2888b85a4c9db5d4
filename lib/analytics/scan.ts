import type { RegionFacts } from "./fact-store";
import { packedBand, packedLast, packedMonths, packedSex, packedYear } from "./segments";

/*
 * One pass over the region's facts answers every chart of the dashboard for one filter. Distinct
 * residents per cell (a month, a desa, an innovation…) are bitsets over the resident ordinals: a
 * resident counts in a cell the first time their bit is set. Exact, no sorting, no merging of
 * batches; per request a few megabytes of zeroed memory and a few operations per fact.
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

/**
 * Sets bit `who` of cell `cell`; true when it was not set yet. Bitsets are laid out word-major (all
 * cells of residents 0–31, then 32–63, …) and segments are sorted by resident, so consecutive facts
 * touch neighbouring memory: the scan is bound by arithmetic, not by cache misses.
 */
function mark(bits: Uint32Array, cells: number, cell: number, who: number): boolean {
  const at = (who >>> 5) * cells + cell;
  const bit = 1 << (who & 31);
  if (bits[at] & bit) return false;
  bits[at] |= bit;
  return true;
}

export function scanFacts(facts: RegionFacts, filter: ScanFilter): ScanResult {
  const n = facts.innovationIds.length;
  const words = (facts.maxOrdinal >>> 5) + 1;
  let minYear = 9999;
  let maxYear = 0;
  let rows = 0;
  for (const s of facts.segments.values()) {
    if (!s.length) continue;
    minYear = Math.min(minYear, s.years[0]);
    maxYear = Math.max(maxYear, s.years[1]);
    rows += s.length;
  }
  if (minYear > maxYear) minYear = maxYear = 2000;
  const firstMonth = Math.max(minYear * 12, filter.monthFrom);
  const monthCount = Math.max(0, Math.min((maxYear + 1) * 12 - 1, filter.monthTo) - firstMonth + 1);
  // The filter's months of each year, as a mask over that year's month bits.
  const yearMasks = new Int32Array(maxYear - minYear + 1);
  for (let y = minYear; y <= maxYear; y++)
    for (let m = 0; m < 12; m++)
      if (y * 12 + m >= filter.monthFrom && y * 12 + m <= filter.monthTo) yearMasks[y - minYear] |= 1 << m;
  const places = facts.places.length;
  const kecOfPlace = facts.places.map((p) => p >> 16);

  const reached = new Uint32Array(words);
  const monthBits = new Uint32Array(monthCount * words);
  const placeBits = new Uint32Array(places * words);
  const innoBits = new Uint32Array(n * words);
  const agencyBits = new Uint32Array(filter.agencies * words);
  const urusanBits = new Uint32Array(filter.urusans * words);
  const byMonth = new Int32Array(monthCount);
  const byPlace = new Int32Array(places);
  const byInnovation = new Int32Array(n);
  const byAgency = new Int32Array(filter.agencies);
  const byUrusan = new Int32Array(filter.urusans);
  // Per resident: their latest matching service (sex and band there) and their innovations, as a linked list.
  const latest = new Uint32Array(facts.maxOrdinal + 1);
  const sexBand = new Uint8Array(facts.maxOrdinal + 1);
  const head = new Int32Array(facts.maxOrdinal + 1).fill(-1);
  const next = new Int32Array(rows);
  const entryInnovation = new Uint16Array(rows);
  let entries = 0;
  let residents = 0;

  for (const s of facts.segments.values()) {
    const inno = s.innovation;
    if (!filter.innovations[inno]) continue;
    const agency = filter.agencyOf[inno];
    const urusan = filter.urusanOf[inno];
    const { ordinal, placeIndex, packed, place } = s;
    for (let i = 0; i < s.length; i++) {
      if (filter.kecamatan !== null && place[i] >> 16 !== filter.kecamatan) continue;
      const p = packed[i];
      const year = packedYear(p);
      const mask = packedMonths(p) & yearMasks[year - minYear];
      if (!mask) continue;
      const who = ordinal[i];
      const w = who >>> 5;
      const bit = 1 << (who & 31);
      if (!(reached[w] & bit)) {
        reached[w] |= bit;
        residents++;
      }
      const when = packedLast(p) + 1;
      if (when > latest[who]) {
        latest[who] = when;
        sexBand[who] = packedSex(p) * 6 + packedBand(p);
      }
      for (let left = mask; left; left &= left - 1) {
        const cell = year * 12 + (31 - Math.clz32(left & -left)) - firstMonth;
        if (mark(monthBits, monthCount, cell, who)) byMonth[cell]++;
      }
      if (mark(placeBits, places, placeIndex[i], who)) byPlace[placeIndex[i]]++;
      if (mark(innoBits, n, inno, who)) {
        byInnovation[inno]++;
        entryInnovation[entries] = inno;
        next[entries] = head[who];
        head[who] = entries++;
        if (agency >= 0 && mark(agencyBits, filter.agencies, agency, who)) byAgency[agency]++;
        if (urusan >= 0 && mark(urusanBits, filter.urusans, urusan, who)) byUrusan[urusan]++;
      }
    }
  }

  const pyramid = new Int32Array(12);
  const overlap: [number, number, number, number] = [0, 0, 0, 0];
  const pairs = new Int32Array(n * n);
  const mine: number[] = [];
  for (let w = 0; w < words; w++) {
    let bitsLeft = reached[w];
    while (bitsLeft) {
      const low = bitsLeft & -bitsLeft;
      const who = w * 32 + (31 - Math.clz32(low));
      bitsLeft ^= low;
      pyramid[sexBand[who]]++;
      mine.length = 0;
      for (let e = head[who]; e >= 0; e = next[e]) mine.push(entryInnovation[e]);
      overlap[Math.min(mine.length, 4) - 1]++;
      for (let a = 0; a < mine.length; a++)
        for (let b = a + 1; b < mine.length; b++) pairs[Math.min(mine[a], mine[b]) * n + Math.max(mine[a], mine[b])]++;
    }
  }
  // Kecamatan: each resident once per kecamatan, from the places' bitsets.
  const byKecamatan = new Map<number, number>();
  const kecBits = new Map<number, Uint32Array>();
  for (let k = 0; k < places; k++) {
    if (!byPlace[k]) continue;
    const kec = kecOfPlace[k];
    let acc = kecBits.get(kec);
    if (!acc) kecBits.set(kec, (acc = new Uint32Array(words)));
    for (let w = 0; w < words; w++) acc[w] |= placeBits[w * places + k];
  }
  for (const [kec, acc] of kecBits) {
    let count = 0;
    for (let w = 0; w < words; w++) {
      let v = acc[w];
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    byKecamatan.set(kec, count);
  }
  return {
    residents,
    firstMonth,
    byMonth,
    byPlace,
    byKecamatan,
    byInnovation,
    byAgency,
    byUrusan,
    pyramid,
    overlap,
    pairs,
  };
}
