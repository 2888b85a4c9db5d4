import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";

export type Health = { status: "ok"; database: DatabaseHandle["kind"] } | { status: "error"; reason: string };

export async function checkHealth(open: () => Promise<DatabaseHandle>): Promise<Health> {
  try {
    const handle = await open();
    await handle.db.execute(sql`select 1`);
    return { status: "ok", database: handle.kind };
  } catch (error) {
    return { status: "error", reason: `database unreachable: ${(error as Error).message.split("\n")[0]}` };
  }
}
