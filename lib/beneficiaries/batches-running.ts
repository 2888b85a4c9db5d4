import type { BatchSummary } from "./batch-summary";

/**
 * A page upload's batch while its job runs: nothing counted or reported yet. The server answers it
 * from memory (runningJobFor); the page shows it from the moment the job starts. No server imports,
 * so the page can use it too.
 */
export function runningBatch(
  summary: Pick<BatchSummary, "id" | "innovationId" | "fileName" | "mode" | "dryRun" | "createdAt">,
  progress: NonNullable<BatchSummary["progress"]>,
): BatchSummary {
  return {
    ...summary,
    source: "upload",
    status: "running",
    rows: progress.rows,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    errorCode: null,
    finishedAt: null,
    undoneAt: null,
    canDownloadRejected: false,
    progress,
    report: null,
    headers: null,
    failureMessage: null,
  };
}
