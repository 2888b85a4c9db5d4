import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { DatabaseHandle, Db } from "@/db/client";
import { users } from "@/db/schema/users";
import type { Ctx } from "@/lib/auth/context";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { prepareDatabase } from "@/lib/db-bootstrap";
import { actorFromUser } from "@/lib/users/actor";
import { seedDemo } from "@/seed/demo";

/**
 * A benchmark database made ready as the app makes it (migrations, partitioning when asked,
 * reference data, the demo agencies, innovations and accounts of 18.11), and the context of the
 * demo Bappeda account (or the one named) to call use cases with.
 */
export async function benchContext(
  handle: DatabaseHandle,
  options: { partitioning?: "none" | "region"; email?: string } = {},
): Promise<Ctx> {
  await prepareDatabase(handle, {
    seedDemo: false,
    demoPassword: "unused-password",
    regionCode: "18.11",
    partitioning: options.partitioning ?? "none",
  });
  await seedDemo(handle.db, { password: "bench-password-1", regionCode: "18.11" });
  return accountContext(handle.db, options.email ?? "bappeda@demo.local");
}

/** The context of one demo account. */
export async function accountContext(db: Db, email: string): Promise<Ctx> {
  const [user] = await db.select().from(users).where(eq(users.email, email));
  return { db, actor: actorFromUser(user), requestId: "bench" };
}

/** One file through the real import (as `npm run cli -- import` runs it). */
export function importFile(ctx: Ctx, innovationId: string, file: string) {
  return importServiceRecords(ctx, {
    innovationId,
    open: () => openRecordFile(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), file),
    fileName: path.basename(file),
    dryRun: false,
    mode: "default",
    locale: "en",
    source: "cli",
  });
}
