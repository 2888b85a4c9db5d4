import { describe, expect, it } from "vitest";
import { advanceStore, emptyRegionFacts, type RegionFacts } from "@/lib/analytics/fact-store";
import { scanFacts, type ScanFilter } from "@/lib/analytics/scan";
import type { Segment } from "@/lib/analytics/segments";

/*
 * The scan against a plain Set-per-cell count over the same facts, through the store's states:
 * facts only in the delta, only in the main columns, in both, after an undo and after a fold.
 */

let seed = 7;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};

/** A resident's sex and age band are theirs in every fact, so "their latest service" has one answer. */
const sexOf = (who: number) => who & 1;
const bandOf = (who: number) => who % 6;

function segment(batchId: string, innovationId: string, length: number, residents: number): Segment {
  const s: Segment = {
    batchId,
    innovationId,
    length,
    ordinal: new Int32Array(length),
    place: new Int32Array(length),
    packed: new Uint32Array(length),
    maxOrdinal: 0,
    cells: [],
  };
  for (let i = 0; i < length; i++) {
    const who = random(residents);
    const year = 2023 + random(2);
    s.ordinal[i] = who;
    s.maxOrdinal = Math.max(s.maxOrdinal, who);
    s.place[i] = ((1 + random(3)) << 16) | (2001 + random(4));
    const months = 1 + random(0xfff);
    s.packed[i] =
      (((year - 2000) << 25) | ((1 + random(365)) << 16) | (sexOf(who) << 15) | (bandOf(who) << 12) | months) >>> 0;
  }
  return s;
}

interface Filter {
  innovations: string[];
  monthFrom: number;
  monthTo: number;
  kecamatan: number | null;
}

function naive(segments: Segment[], f: Filter) {
  const residents = new Set<number>();
  const byMonth = new Map<number, Set<number>>();
  const byPlace = new Map<number, Set<number>>();
  const byKec = new Map<number, Set<number>>();
  const innovationsOf = new Map<number, Set<string>>();
  const add = (m: Map<number, Set<number>>, k: number, who: number) => m.set(k, (m.get(k) ?? new Set()).add(who));
  for (const s of segments) {
    if (!f.innovations.includes(s.innovationId)) continue;
    for (let i = 0; i < s.length; i++) {
      const kec = s.place[i] >> 16;
      if (f.kecamatan !== null && kec !== f.kecamatan) continue;
      const year = 2000 + (s.packed[i] >>> 25);
      const months = [...Array(12).keys()].filter(
        (m) => s.packed[i] & (1 << m) && year * 12 + m >= f.monthFrom && year * 12 + m <= f.monthTo,
      );
      if (!months.length) continue;
      const who = s.ordinal[i];
      residents.add(who);
      for (const m of months) add(byMonth, year * 12 + m, who);
      add(byPlace, s.place[i], who);
      add(byKec, kec, who);
      innovationsOf.set(who, (innovationsOf.get(who) ?? new Set()).add(s.innovationId));
    }
  }
  const counts = (m: Map<number, Set<number>>) => new Map([...m].map(([k, v]) => [k, v.size]));
  const overlap = [0, 0, 0, 0];
  const pairs = new Map<string, number>();
  const pyramid = new Array(12).fill(0);
  for (const [who, set] of innovationsOf) {
    overlap[Math.min(set.size, 4) - 1]++;
    pyramid[sexOf(who) * 6 + bandOf(who)]++;
    const list = [...set].sort();
    for (let a = 0; a < list.length; a++)
      for (let b = a + 1; b < list.length; b++)
        pairs.set(`${list[a]}|${list[b]}`, (pairs.get(`${list[a]}|${list[b]}`) ?? 0) + 1);
  }
  return {
    residents: residents.size,
    byMonth: counts(byMonth),
    byPlace: counts(byPlace),
    byKec: counts(byKec),
    overlap,
    pairs,
    pyramid,
  };
}

function scanned(facts: RegionFacts, f: Filter) {
  const n = facts.innovationIds.length;
  const filter: ScanFilter = {
    innovations: Uint8Array.from(facts.innovationIds, (id) => (f.innovations.includes(id) ? 1 : 0)),
    monthFrom: f.monthFrom,
    monthTo: f.monthTo,
    kecamatan: f.kecamatan,
    agencyOf: new Int32Array(n).fill(-1),
    urusanOf: new Int32Array(n).fill(-1),
    agencies: 0,
    urusans: 0,
  };
  const r = scanFacts(facts, filter);
  const byMonth = new Map<number, number>();
  r.byMonth.forEach((v, k) => v && byMonth.set(r.firstMonth + k, v));
  const byPlace = new Map<number, number>();
  r.byPlace.forEach((v, k) => v && byPlace.set(facts.places[k], v));
  const pairs = new Map<string, number>();
  for (let a = 0; a < n; a++)
    for (let b = 0; b < n; b++) {
      const v = r.pairs[a * n + b];
      if (v) pairs.set([facts.innovationIds[a], facts.innovationIds[b]].sort().join("|"), v);
    }
  return {
    residents: r.residents,
    byMonth,
    byPlace,
    byKec: r.byKecamatan,
    overlap: [...r.overlap],
    pairs,
    pyramid: [...r.pyramid],
  };
}

const filters: Filter[] = [
  { innovations: ["A", "B", "C"], monthFrom: 0, monthTo: 2101 * 12, kecamatan: null },
  { innovations: ["A", "B", "C"], monthFrom: 2024 * 12, monthTo: 2024 * 12 + 11, kecamatan: null },
  { innovations: ["A", "C"], monthFrom: 2023 * 12 + 3, monthTo: 2024 * 12 + 1, kecamatan: 2 },
  { innovations: ["B"], monthFrom: 0, monthTo: 2101 * 12, kecamatan: 3 },
];

describe("the dashboard's scan over facts in resident order", () => {
  it("counts exactly what a set per cell counts, through loads, folds and undos", () => {
    const empty = emptyRegionFacts("18.11");
    const big = segment("b1", "A", 40_000, 9_000);
    const small = segment("b2", "B", 300, 9_000);
    const same = segment("b3", "A", 500, 9_500);
    const other = segment("b4", "C", 2_000, 9_000);
    const check = (store: RegionFacts, live: Segment[]) => {
      for (const f of filters) expect(scanned(store, f), JSON.stringify(f)).toEqual(naive(live, f));
    };

    let store = advanceStore(empty, new Set(["b1"]), [big]);
    expect(store.main.length).toBe(40_000); // large enough to go straight into the main columns
    expect(store.delta.length).toBe(0);
    check(store, [big]);

    store = advanceStore(store, new Set(["b1", "b2", "b3"]), [small, same]);
    expect(store.delta.length).toBe(800); // the main stays as it was, the new batches wait beside it
    check(store, [big, small, same]);

    const before = store;
    store = advanceStore(store, new Set(["b2", "b3"]), []); // b1 undone
    expect(store.main.length + store.delta.length).toBe(800);
    check(store, [small, same]);
    check(before, [big, small, same]); // a scan still running on the previous store sees it unchanged

    store = advanceStore(store, new Set(["b2", "b3", "b4"]), [other]);
    check(store, [small, same, other]);
    for (let i = 1; i < store.main.length; i++)
      if (store.main.ordinal[i - 1] > store.main.ordinal[i]) throw new Error("main out of order");
  });
});
