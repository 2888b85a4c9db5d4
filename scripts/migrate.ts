/** `npm run db:migrate`: applies pending migrations and loads reference data, then exits. */
import { migrateDatabase, openDatabase } from "@/db/client";
import { seedReferenceData } from "@/seed/reference";
import { env } from "@/lib/config/env";

const e = env();
const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR });
try {
  await migrateDatabase(handle);
  const regions = await seedReferenceData(handle.db);
  console.log(`Migrations applied (${handle.kind})${regions ? `; ${regions} area codes loaded` : ""}.`);
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await handle.close();
}
