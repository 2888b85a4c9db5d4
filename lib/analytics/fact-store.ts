import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { importBatches } from "@/db/schema/beneficiaries";
import { type Columns, emptyColumns, mergeColumns, sortedColumns } from "./columns";
import { type Cell, loadSegments, packedYear, type Segment } from "./segments";

/*
 * The facts of a region held in memory as typed-array columns in resident order (./columns.ts)
 * and scanned per request (./scan.ts): one pass over a few hundred thousand rows of integers
 * answers every chart with exact distinct counts, for any filter, with nothing cached per filter.
 *
 * The database stays the truth. On every request the store asks which batches are committed (one
 * small query) and brings itself in step: it loads only the batches it has not seen and drops
 * the undone ones, so an import or an undo — in this process or another — shows at the next
 * request. New batches go into a small `delta` kept in resident order beside the large `main`
 * (the scan walks both together); when the delta grows past a sixteenth of the main, or a batch
 * is undone, the two are merged into one — linear in the facts, never a sort of the whole.
 */

/** A loaded batch: its innovation (index into `innovationIds`), its summable cells, its years. */
export interface BatchFacts {
  batchId: string;
  innovationId: string;
  innovation: number;
  /** Index of the batch in the columns' `batch`. */
  index: number;
  length: number;
  cells: Cell[];
  years: [number, number];
}

export interface RegionFacts {
  regionCode: string;
  segments: Map<string, BatchFacts>;
  /** Innovations and places (kecamatan << 16 | desa) seen so far; indexes stay stable while the process runs. */
  innovationIds: string[];
  places: number[];
  maxOrdinal: number;
  /** Innovation index per batch index. */
  batchInnovation: Int32Array;
  main: Columns;
  delta: Columns;
  /** Years with facts, [first, last] ([2000, 2000] when there are none). */
  years: [number, number];
}

/** The delta is folded into the main columns beyond this share of them (and this many facts). */
const FOLD_SHARE = 16;
const FOLD_MIN = 32_768;

/** A region with no facts loaded yet. */
export const emptyRegionFacts = (regionCode: string): RegionFacts => ({
  regionCode,
  segments: new Map(),
  innovationIds: [],
  places: [],
  maxOrdinal: 0,
  batchInnovation: new Int32Array(0),
  main: emptyColumns(),
  delta: emptyColumns(),
  years: [2000, 2000],
});

/**
 * The store after some batches were committed (`loaded`, as read from the database) and others
 * undone (absent from `committed`). Pure: the previous store is left as it was, so a scan still
 * running on it is unaffected.
 */
export function advanceStore(current: RegionFacts, committed: Set<string>, loaded: Segment[]): RegionFacts {
  const innovationIds = [...current.innovationIds];
  const places = [...current.places];
  const placeIndexes = new Map(places.map((p, k) => [p, k]));
  const segments = new Map<string, BatchFacts>();
  for (const [id, seg] of current.segments) if (committed.has(id)) segments.set(id, seg);
  const dropped = segments.size < current.segments.size;
  let nextIndex = current.batchInnovation.length;
  const batchInnovation = new Int32Array(nextIndex + loaded.length).fill(-1);
  batchInnovation.set(current.batchInnovation);
  const keep = new Uint8Array(batchInnovation.length);
  for (const seg of segments.values()) keep[seg.index] = 1;

  let delta = current.delta;
  let maxOrdinal = current.maxOrdinal;
  for (const s of loaded) {
    let innovation = innovationIds.indexOf(s.innovationId);
    if (innovation < 0) innovation = innovationIds.push(s.innovationId) - 1;
    const index = nextIndex++;
    batchInnovation[index] = innovation;
    keep[index] = 1;
    const placeIndex = new Uint16Array(s.length);
    let first = 9999;
    let last = 0;
    for (let i = 0; i < s.length; i++) {
      let k = placeIndexes.get(s.place[i]);
      if (k === undefined) {
        k = places.push(s.place[i]) - 1;
        placeIndexes.set(s.place[i], k);
      }
      placeIndex[i] = k;
      const year = packedYear(s.packed[i]);
      if (year < first) first = year;
      if (year > last) last = year;
    }
    if (s.maxOrdinal > maxOrdinal) maxOrdinal = s.maxOrdinal;
    const columns = sortedColumns(index, s.length, s.ordinal, placeIndex, s.packed, s.maxOrdinal);
    delta = mergeColumns(delta, columns, keep);
    segments.set(s.batchId, {
      batchId: s.batchId,
      innovationId: s.innovationId,
      innovation,
      index,
      length: s.length,
      cells: s.cells,
      years: [first, last],
    });
  }

  let main = current.main;
  if (dropped || delta.length > Math.max(FOLD_MIN, main.length / FOLD_SHARE)) {
    main = mergeColumns(main, delta, keep);
    delta = emptyColumns();
  }
  let first = 9999;
  let last = 0;
  for (const seg of segments.values()) {
    if (!seg.length) continue;
    first = Math.min(first, seg.years[0]);
    last = Math.max(last, seg.years[1]);
  }
  const years: [number, number] = first > last ? [2000, 2000] : [first, last];
  return {
    regionCode: current.regionCode,
    segments,
    innovationIds,
    places,
    maxOrdinal,
    batchInnovation,
    main,
    delta,
    years,
  };
}

/** Per database handle (tests open several in one process), per region. */
const storesByDb = new WeakMap<object, Map<string, RegionFacts>>();
const refreshingByDb = new WeakMap<object, Map<string, Promise<RegionFacts>>>();

function mapFor<T>(maps: WeakMap<object, Map<string, T>>, db: Executor): Map<string, T> {
  let map = maps.get(db);
  if (!map) maps.set(db, (map = new Map()));
  return map;
}

async function refresh(db: Executor, regionCode: string): Promise<RegionFacts> {
  const stores = mapFor(storesByDb, db);
  const done = await db
    .select({ id: importBatches.id, innovationId: importBatches.innovationId })
    .from(importBatches)
    .where(
      and(eq(importBatches.regionCode, regionCode), eq(importBatches.status, "done"), eq(importBatches.dryRun, false)),
    );
  const current = stores.get(regionCode) ?? emptyRegionFacts(regionCode);
  const committed = new Set(done.map((b) => b.id));
  const missing = done.filter((b) => !current.segments.has(b.id));
  const dropped = [...current.segments.keys()].some((id) => !committed.has(id));
  if (stores.has(regionCode) && !missing.length && !dropped) return current;
  const next = advanceStore(current, committed, await loadSegments(db, regionCode, missing));
  stores.set(regionCode, next);
  return next;
}

/**
 * The region's facts, in step with the committed batches. Concurrent callers share one refresh.
 * Read it outside a transaction that is changing batches: inside one, the store would take in
 * facts that may still roll back.
 */
export async function regionFacts(db: Executor, regionCode: string): Promise<RegionFacts> {
  const refreshing = mapFor(refreshingByDb, db);
  const running = refreshing.get(regionCode);
  if (running) return running;
  const next = refresh(db, regionCode).finally(() => refreshing.delete(regionCode));
  refreshing.set(regionCode, next);
  return next;
}

/** Tests and benchmarks: forget the loaded facts, so the next read loads them all. */
export function forgetRegionFacts(db: Executor) {
  storesByDb.delete(db);
}
