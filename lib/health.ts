import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { logger } from "@/lib/log";

export type Health = { status: "ok"; database: DatabaseHandle["kind"] } | { status: "error"; reason: string };

export async function checkHealth(open: () => Promise<DatabaseHandle>): Promise<Health> {
  try {
    const handle = await open();
    await handle.db.execute(sql`select 1`);
    return { status: "ok", database: handle.kind };
  } catch (error) {
    // The health check is public: the cause (host, port, a driver's message) goes to the log only.
    logger.error({ err: error }, "health check: database unreachable");
    return { status: "error", reason: "database unreachable" };
  }
}
