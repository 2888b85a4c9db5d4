import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { importBatches } from "@/db/schema/beneficiaries";
import { loadSegments, packedYear, type Segment } from "./segments";

/*
 * The facts of a region held in memory as typed-array columns, one segment per batch, and scanned
 * per request (./scan.ts): one pass over a few hundred thousand rows of integers answers every
 * chart with exact distinct counts in milliseconds, for any filter, with nothing cached per filter.
 *
 * The database stays the truth. On every request the store asks which batches are committed (one
 * small query) and brings itself in step: it loads only the batches it has not seen and drops
 * the undone ones, so an import or an undo — in this process or another — shows at the next
 * request, and costs that request the load of the new batch's facts only.
 */

/** A loaded batch with its innovation and places as indexes into the store's registries. */
export interface IndexedSegment extends Segment {
  innovation: number;
  /** Index into `places` of each fact. */
  placeIndex: Uint16Array;
  years: [number, number];
}

export interface RegionFacts {
  regionCode: string;
  segments: Map<string, IndexedSegment>;
  /** Innovations and places (kecamatan << 16 | desa) seen so far; indexes stay stable while the process runs. */
  innovationIds: string[];
  places: number[];
  maxOrdinal: number;
}

/** The segment's facts in resident order (a counting sort), so a scan walks memory forwards. */
function sortByResident(s: Segment): Segment {
  const starts = new Uint32Array(s.maxOrdinal + 2);
  for (let i = 0; i < s.length; i++) starts[s.ordinal[i] + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const ordinal = new Int32Array(s.length);
  const place = new Int32Array(s.length);
  const packed = new Uint32Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const at = starts[s.ordinal[i]]++;
    ordinal[at] = s.ordinal[i];
    place[at] = s.place[i];
    packed[at] = s.packed[i];
  }
  return { ...s, ordinal, place, packed };
}

function indexSegment(
  store: Pick<RegionFacts, "innovationIds" | "places">,
  placeIndexes: Map<number, number>,
  unsorted: Segment,
): IndexedSegment {
  const s = sortByResident(unsorted);
  let innovation = store.innovationIds.indexOf(s.innovationId);
  if (innovation < 0) innovation = store.innovationIds.push(s.innovationId) - 1;
  const placeIndex = new Uint16Array(s.length);
  let minYear = 9999;
  let maxYear = 0;
  for (let i = 0; i < s.length; i++) {
    let k = placeIndexes.get(s.place[i]);
    if (k === undefined) {
      k = store.places.push(s.place[i]) - 1;
      placeIndexes.set(s.place[i], k);
    }
    placeIndex[i] = k;
    const year = packedYear(s.packed[i]);
    if (year < minYear) minYear = year;
    if (year > maxYear) maxYear = year;
  }
  return { ...s, innovation, placeIndex, years: [minYear, maxYear] };
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
  const current = stores.get(regionCode);
  const known = current?.segments ?? new Map<string, IndexedSegment>();
  const doneIds = new Set(done.map((b) => b.id));
  const missing = done.filter((b) => !known.has(b.id));
  const dropped = [...known.keys()].some((id) => !doneIds.has(id));
  if (current && !missing.length && !dropped) return current;
  const loaded = await loadSegments(db, regionCode, missing);
  // The registries only grow (an undone batch's innovation keeps its index), so loaded segments stay valid.
  const innovationIds = [...(current?.innovationIds ?? [])];
  const places = [...(current?.places ?? [])];
  const placeIndexes = new Map(places.map((p, k) => [p, k]));
  const segments = new Map<string, IndexedSegment>();
  for (const [id, seg] of known) if (doneIds.has(id)) segments.set(id, seg);
  for (const seg of loaded) segments.set(seg.batchId, indexSegment({ innovationIds, places }, placeIndexes, seg));
  let maxOrdinal = 0;
  for (const seg of segments.values()) if (seg.maxOrdinal > maxOrdinal) maxOrdinal = seg.maxOrdinal;
  const next: RegionFacts = { regionCode, segments, innovationIds, places, maxOrdinal };
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
