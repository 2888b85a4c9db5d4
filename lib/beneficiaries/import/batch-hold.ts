import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

/*
 * While an import writes its records (in short transactions, one per chunk) it holds its batch:
 *
 *  - Imports into one innovation take turns. Two batches written at once would count each other's
 *    unpublished records as duplicates (the unique index service_records_unique_uq), and if the
 *    first were then abandoned, the second would have skipped rows that no longer exist. Taking
 *    turns keeps every duplicate count true: the second import starts writing once the first is
 *    published (its rows are then duplicates) or removed (its rows are then new).
 *  - On the server, the batch row is kept locked (FOR KEY SHARE, which the chunks' inserts and the
 *    batch's own updates do not conflict with) by a transaction that does nothing else, so start-up
 *    recovery in another process (`for update skip locked`, ./interrupted.ts) leaves a live import
 *    alone; an advisory lock per innovation makes imports take turns across processes too. The
 *    embedded database has one process and one connection: an open transaction there would stop
 *    every other query, so it only takes turns in memory (a running batch found at start is dead).
 */

const turns = new WeakMap<object, Map<string, Promise<void>>>();

/** The embedded database (PGlite, in this process) rather than a server. */
export function isEmbedded(db: Db): boolean {
  const client = (db as unknown as { $client?: { dumpDataDir?: unknown } }).$client;
  return typeof client?.dumpDataDir === "function";
}

/** Waits for this innovation's turn and holds the batch; answers the release. */
export async function holdBatch(
  db: Db,
  regionCode: string,
  batchId: string,
  innovationId: string,
): Promise<() => Promise<void>> {
  let queue = turns.get(db);
  if (!queue) turns.set(db, (queue = new Map()));
  const before = queue.get(innovationId) ?? Promise.resolve();
  let endTurn!: () => void;
  const mine = new Promise<void>((resolve) => (endTurn = resolve));
  const chained = before.then(() => mine);
  queue.set(innovationId, chained);
  const leave = () => {
    endTurn();
    if (queue.get(innovationId) === chained) queue.delete(innovationId);
  };
  await before;
  if (isEmbedded(db)) return async () => leave();

  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let held!: () => void;
  let failed!: (error: unknown) => void;
  const holding = new Promise<void>((resolve, reject) => ((held = resolve), (failed = reject)));
  const keeper = db
    .transaction(async (tx) => {
      await tx.execute(
        sql`select 1 from import_batches where region_code = ${regionCode} and id = ${batchId}::uuid for key share`,
      );
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('import:' || ${innovationId}))`);
      held();
      await released;
    })
    .catch(failed);
  try {
    await holding;
  } catch (error) {
    leave();
    throw error;
  }
  return async () => {
    release();
    await keeper;
    leave();
  };
}
