/*
 * Small-number suppression for every figure the public gallery shows (UU 27/2022): a count under
 * SUPPRESSION_THRESHOLD is shown as "< 10", so a resident of a small desa cannot be singled out.
 * Signed-in pages show exact counts; only public pages go through here.
 */

export const SUPPRESSION_THRESHOLD = 10;

/**
 * An exact count (≥ 10); "<10" for any count under the threshold (zero included); "hidden" for a
 * count of 10 or more hidden only so that a small neighbour cannot be worked out (shown as "x").
 */
export type PublicCount = number | "<10" | "hidden";

export function publicCount(n: number): number | "<10" {
  return n >= SUPPRESSION_THRESHOLD ? n : "<10";
}

/**
 * Suppresses a set of cells that add up to a shown total (a figure per kecamatan beside the
 * innovation's total). Each cell under the threshold shows "<10"; then, so a small cell cannot be
 * recovered by subtracting the shown cells from the total, more cells are hidden (the smallest
 * shown ones first) until the hidden cells together hold none or at least the threshold
 * (secondary suppression). Hidden cells whose true total is 0 reveal nobody and need no partner.
 */
export function suppressCells(values: readonly number[]): PublicCount[] {
  const hidden = values.map((v) => v < SUPPRESSION_THRESHOLD);
  const hiddenSum = () => values.reduce((sum, v, i) => (hidden[i] ? sum + v : sum), 0);
  for (let sum = hiddenSum(); sum > 0 && sum < SUPPRESSION_THRESHOLD; sum = hiddenSum()) {
    let smallest = -1;
    values.forEach((v, i) => {
      if (!hidden[i] && (smallest < 0 || v < values[smallest])) smallest = i;
    });
    if (smallest < 0) break;
    hidden[smallest] = true;
  }
  return values.map((v, i) => (!hidden[i] ? v : v < SUPPRESSION_THRESHOLD ? "<10" : "hidden"));
}
