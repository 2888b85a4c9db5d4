/*
 * Facts as typed-array columns in resident order. Every fact of one resident lies in one run, so a
 * scan answers "distinct residents per cell" with a stamp per cell (the last resident counted
 * there) instead of a bitset per cell over all residents: the working memory of a request is a few
 * small arrays that stay in the processor's cache, whatever the number of residents.
 */

/** Facts sorted by `ordinal` (the resident); `batch` indexes the store's batches, `place` its places. */
export interface Columns {
  length: number;
  ordinal: Int32Array;
  batch: Int32Array;
  place: Uint16Array;
  packed: Uint32Array;
}

export const emptyColumns = (): Columns => ({
  length: 0,
  ordinal: new Int32Array(0),
  batch: new Int32Array(0),
  place: new Uint16Array(0),
  packed: new Uint32Array(0),
});

function allocate(length: number): Columns {
  return {
    length,
    ordinal: new Int32Array(length),
    batch: new Int32Array(length),
    place: new Uint16Array(length),
    packed: new Uint32Array(length),
  };
}

/** One batch's facts in resident order (a counting sort over the ordinals: two passes, no comparisons). */
export function sortedColumns(
  batch: number,
  length: number,
  ordinal: Int32Array,
  place: Uint16Array,
  packed: Uint32Array,
  maxOrdinal: number,
): Columns {
  const starts = new Uint32Array(maxOrdinal + 2);
  for (let i = 0; i < length; i++) starts[ordinal[i] + 1]++;
  for (let k = 1; k < starts.length; k++) starts[k] += starts[k - 1];
  const out = allocate(length);
  out.batch.fill(batch);
  for (let i = 0; i < length; i++) {
    const at = starts[ordinal[i]]++;
    out.ordinal[at] = ordinal[i];
    out.place[at] = place[i];
    out.packed[at] = packed[i];
  }
  return out;
}

/**
 * Two resident-ordered column sets merged into one, keeping only the facts whose batch `keep`s
 * (undone batches leave at the next merge). Linear in the facts; a resident's run stays whole.
 */
export function mergeColumns(a: Columns, b: Columns, keep: Uint8Array): Columns {
  let kept = 0;
  for (let i = 0; i < a.length; i++) kept += keep[a.batch[i]];
  for (let j = 0; j < b.length; j++) kept += keep[b.batch[j]];
  const out = allocate(kept);
  let i = 0;
  let j = 0;
  let at = 0;
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && a.ordinal[i] <= b.ordinal[j]);
    const src = fromA ? a : b;
    const k = fromA ? i++ : j++;
    if (!keep[src.batch[k]]) continue;
    out.ordinal[at] = src.ordinal[k];
    out.batch[at] = src.batch[k];
    out.place[at] = src.place[k];
    out.packed[at] = src.packed[k];
    at++;
  }
  return out;
}
