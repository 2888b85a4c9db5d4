import { describe, expect, it } from "vitest";
import { runningBatch } from "@/lib/beneficiaries/batches-running";

describe("runningBatch", () => {
  it("is a page upload still running: rows from the progress, nothing counted or reported yet", () => {
    const summary = { id: "b1", innovationId: "i1", fileName: "data.csv", mode: "strict", dryRun: false, createdAt: "2024-01-01T00:00:00.000Z" };
    expect(runningBatch(summary, { rows: 1200, fraction: 0.5 })).toEqual({
      ...summary,
      source: "upload",
      status: "running",
      rows: 1200,
      accepted: 0,
      duplicates: 0,
      rejected: 0,
      errorCode: null,
      finishedAt: null,
      undoneAt: null,
      canDownloadRejected: false,
      progress: { rows: 1200, fraction: 0.5 },
      report: null,
      headers: null,
      failureMessage: null,
    });
  });
});
