import type { RegionScore } from "@/lib/iga/region-score";

/**
 * Which innovations a snapshot of a year holds: the ONE place that decides it. The ones the score
 * counts: regionScore counts the submitted (and verified) innovations of the year, so a draft or a
 * ready one that was never sent is not frozen into what the region sent.
 */
export function snapshotInnovations(score: RegionScore): RegionScore["innovations"] {
  return score.innovations;
}
