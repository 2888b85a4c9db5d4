import type { RegionScore } from "@/lib/iga/region-score";

/**
 * Which innovations a snapshot of a year holds: the ONE place that decides it. Today that is the
 * year's non-archived innovations, exactly the ones the score counts; when a submission status
 * per innovation exists (draft → ready → submitted), switch this to the submitted ones.
 */
export function snapshotInnovations(score: RegionScore): RegionScore["innovations"] {
  return score.innovations;
}
