import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { importBatches } from "@/db/schema/beneficiaries";
import { type Cell, loadSegments, type Segment } from "./segments";

/*
 * The facts of a region held in memory as typed-array columns, sorted by resident, and scanned per
 * request (./scan.ts): one pass over a few hundred thousand rows of integers answers every chart
 * with exact distinct counts in milliseconds, for any filter, with nothing cached per filter.
 *
 * The database stays the truth. On every request the store asks which batches are committed (one
 * small query) and brings itself in step: it loads only the batches it has not seen and drops
 * the undone ones, so an import or an undo — in this process or another — shows at the next
 * request, and costs that request the load of the new batch's facts only.
 */

export interface MergedFacts {
  length: number;
  ordinal: Int32Array;
  /** Index into `innovationIds`. */
  innovation: Uint16Array;
  place: Int32Array;
  attrs: Int32Array;
  months: Int32Array;
  last: Int32Array;
  innovationIds: string[];
  cells: (Cell & { innovation: number })[];
}

export interface RegionFacts {
  regionCode: string;
  segments: Map<string, Segment>;
  merged: MergedFacts;
}

/** Per database handle (tests open several in one process), per region. */
const storesByDb = new WeakMap<object, Map<string, RegionFacts>>();
const refreshingByDb = new WeakMap<object, Map<string, Promise<RegionFacts>>>();

function mapFor<T>(maps: WeakMap<object, Map<string, T>>, db: Executor): Map<string, T> {
  let map = maps.get(db);
  if (!map) maps.set(db, (map = new Map()));
  return map;
}

/** Concatenates the segments and orders the rows by resident (a counting sort over the ordinals). */
export function mergeSegments(segments: Segment[]): MergedFacts {
  const innovationIds = [...new Set(segments.map((s) => s.innovationId))].sort();
  const innovationIndex = new Map(innovationIds.map((id, i) => [id, i]));
  let length = 0;
  let maxOrdinal = 0;
  for (const s of segments) {
    length += s.length;
    for (let i = 0; i < s.length; i++) if (s.ordinal[i] > maxOrdinal) maxOrdinal = s.ordinal[i];
  }
  const starts = new Uint32Array(maxOrdinal + 2);
  for (const s of segments) for (let i = 0; i < s.length; i++) starts[s.ordinal[i] + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const merged: MergedFacts = {
    length,
    ordinal: new Int32Array(length),
    innovation: new Uint16Array(length),
    place: new Int32Array(length),
    attrs: new Int32Array(length),
    months: new Int32Array(length),
    last: new Int32Array(length),
    innovationIds,
    cells: [],
  };
  for (const s of segments) {
    const inno = innovationIndex.get(s.innovationId)!;
    for (let i = 0; i < s.length; i++) {
      const at = starts[s.ordinal[i]]++;
      merged.ordinal[at] = s.ordinal[i];
      merged.innovation[at] = inno;
      merged.place[at] = s.place[i];
      merged.attrs[at] = s.attrs[i];
      merged.months[at] = s.months[i];
      merged.last[at] = s.last[i];
    }
    for (const c of s.cells) merged.cells.push({ ...c, innovation: inno });
  }
  return merged;
}

async function refresh(db: Executor, regionCode: string): Promise<RegionFacts> {
  const stores = mapFor(storesByDb, db);
  const done = await db
    .select({ id: importBatches.id, innovationId: importBatches.innovationId })
    .from(importBatches)
    .where(and(eq(importBatches.regionCode, regionCode), eq(importBatches.status, "done"), eq(importBatches.dryRun, false)));
  const current = stores.get(regionCode);
  const known = current?.segments ?? new Map<string, Segment>();
  const doneIds = new Set(done.map((b) => b.id));
  const missing = done.filter((b) => !known.has(b.id));
  const dropped = [...known.keys()].some((id) => !doneIds.has(id));
  if (current && !missing.length && !dropped) return current;
  const loaded = await loadSegments(db, regionCode, missing);
  const segments = new Map<string, Segment>();
  for (const [id, s] of known) if (doneIds.has(id)) segments.set(id, s);
  for (const s of loaded) segments.set(s.batchId, s);
  const next: RegionFacts = { regionCode, segments, merged: mergeSegments([...segments.values()]) };
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
