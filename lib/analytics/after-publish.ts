import type { Executor } from "@/db/client";
import { logger } from "@/lib/log";
import { regionFacts } from "./fact-store";
import { type BatchRef, packBatchFacts } from "./facts";

/**
 * After an import is published: its facts are packed (one value to load, in a short transaction of
 * its own), and this process's fact store takes the batch in at once, in the background, so the
 * first dashboard a leader opens after the import does not pay for loading it. Both are derived
 * work: a failure is logged and the next read does the same on its own.
 */
export async function afterBatchPublished(db: Executor, batch: BatchRef): Promise<void> {
  try {
    await packBatchFacts(db, batch);
  } catch (error) {
    logger.warn({ err: error, batchId: batch.batchId }, "packing a batch's facts failed");
  }
  void regionFacts(db, batch.regionCode).catch(() => {});
}
