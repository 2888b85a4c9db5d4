import { env, shouldSeedDemo } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { failInterruptedBatches } from "@/lib/beneficiaries/import/interrupted";
import { type DatabaseHandle, migrateDatabase, openDatabase } from "@/db/client";
import { syncForeignColumns } from "@/db/foreign-columns";
import { partitionByRegion } from "@/db/partitioning";
import { seedBeneficiariesDemo } from "@/seed/beneficiaries-demo";
import { DEMO_USERS, seedDemo } from "@/seed/demo";
import { seedIgaDemo } from "@/seed/iga-demo";
import { seedIgaFrameworks } from "@/seed/iga-frameworks";
import { seedReferenceData } from "@/seed/reference";

/** Migrates, loads reference data and, where configured, demo data. Safe to run at every start. */
export async function prepareDatabase(
  handle: DatabaseHandle,
  options: { seedDemo: boolean; demoPassword: string; regionCode: string; partitioning?: "none" | "region" },
) {
  await migrateDatabase(handle);
  // Migrations create plain tables; partitioning is a step after them, on the server only (PGlite stays plain).
  if (options.partitioning === "region" && handle.kind === "postgresql") {
    const { converted } = await partitionByRegion(handle.db, [options.regionCode]);
    if (converted.length) logger.info({ tables: converted }, "tables partitioned by region");
    // A migration's new columns, on the servers of regions placed there (db/foreign-columns.ts).
    const columns = await syncForeignColumns(handle.db);
    if (columns.added.length) logger.info({ added: columns.added }, "new columns added on the regions' servers");
    if (columns.extra.length || columns.differing.length)
      logger.warn(
        { extra: columns.extra, differing: columns.differing },
        "regions' servers differ in columns: left alone",
      );
    if (columns.failed.length) logger.warn({ failed: columns.failed }, "regions' servers not brought up to date");
  } else if (options.partitioning === "region") {
    logger.warn("DB_PARTITIONING=region applies to a PostgreSQL server only: the embedded database keeps plain tables");
  }
  const regions = await seedReferenceData(handle.db);
  if (regions) logger.info({ regions }, "reference area codes loaded");
  if (await seedIgaFrameworks(handle.db)) logger.info("IGA 2023 rule set loaded");
  if (options.seedDemo) {
    // One transaction for the three demo steps: each later step runs only on a freshly seeded demo,
    // so a crash between them would otherwise leave the IGA or beneficiary demo missing for good.
    const demo = await handle.db.transaction(async (tx) => {
      const base = await seedDemo(tx, { password: options.demoPassword, regionCode: options.regionCode });
      if (!base.seeded) return null;
      return {
        base,
        iga: await seedIgaDemo(tx, { regionCode: options.regionCode }),
        beneficiaries: await seedBeneficiariesDemo(tx, { regionCode: options.regionCode }),
      };
    });
    if (demo) {
      logger.info(demo.base, "demo data seeded");
      logger.info(demo.iga, "IGA demo levels and evidence seeded");
      logger.info(demo.beneficiaries, "demo beneficiaries (sample) seeded");
      // Shown once on the console so a newcomer can sign in; it is the demo password, not a secret.
      console.log(
        `\nDemo accounts (password: ${options.demoPassword}):\n` +
          DEMO_USERS.map((u) => `  ${u.email}  (${u.role})`).join("\n") +
          "\n",
      );
    }
  }
}

const globalForDb = globalThis as unknown as { appDatabase?: Promise<DatabaseHandle> };

/**
 * The app's database, opened once per process (cached on globalThis so hot reload does not open a
 * second PGlite on the same directory).
 */
export function appDatabase(): Promise<DatabaseHandle> {
  globalForDb.appDatabase ??= (async () => {
    const e = env();
    const handle = await openDatabase({ url: e.DATABASE_URL, dataDir: e.DATABASE_URL ? undefined : e.DATA_DIR });
    try {
      await prepareDatabase(handle, {
        seedDemo: shouldSeedDemo(e),
        demoPassword: e.DEMO_PASSWORD,
        regionCode: e.REGION_CODE,
        partitioning: e.DB_PARTITIONING,
      });
    } catch (err) {
      await handle.close();
      throw err;
    }
    const interrupted = await failInterruptedBatches(handle.db);
    if (interrupted) logger.warn({ batches: interrupted }, "imports interrupted by the last stop marked failed");
    logger.info({ database: handle.kind }, "database ready");
    return handle;
  })().catch((err) => {
    globalForDb.appDatabase = undefined;
    throw err;
  });
  return globalForDb.appDatabase;
}

export async function appDb() {
  return (await appDatabase()).db;
}
