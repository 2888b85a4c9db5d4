import type { ImportReport } from "./import/report";

/** A batch as lists and pages show it: counts and report, never the rejected rows themselves. */
export interface BatchSummary {
  id: string;
  innovationId: string;
  source: string;
  fileName: string | null;
  mode: string;
  dryRun: boolean;
  status: string;
  rows: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  errorCode: string | null;
  createdAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
  /** The uploader may download the rejected rows. */
  canDownloadRejected: boolean;
  /** While a background job runs: data rows read so far and the share of the file read (0–1). */
  progress: { rows: number; fraction: number | null } | null;
  report: ImportReport | null;
  headers: string[] | null;
  /** Why the batch failed as a whole, in the uploader's language. */
  failureMessage: string | null;
}
