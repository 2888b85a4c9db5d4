import { sql } from "drizzle-orm";
import { type DatabaseHandle, rowsOf } from "@/db/client";
import type { Ctx } from "@/lib/auth/context";
import { addRegion } from "@/lib/regions/add-region";
import { openBenchDatabase } from "./bench-database";
import { accountContext, benchContext, importFile } from "./bench-import";
import { chooseInnovations, type Innovation } from "./dashboard-timing";
import { CATALOGUE, copyPlaces, copyRegion, RECORDS } from "./region-copy";

export const MEASURED = "18.11";

export interface RegionsDatabase {
  label: string;
  handle: DatabaseHandle;
  close: () => Promise<void>;
  ctx: Ctx;
  chosen: Innovation[];
  /** Seconds: the real import of the measured region's files, the copies to the other regions. */
  importSeconds: number;
  copySeconds: number;
}

/** `count` kabupaten/kota, 18.11 first, then Lampung's others, then in code order; and one more, left empty. */
export async function pickRegions(handle: DatabaseHandle, count: number) {
  const codes = rowsOf<{ code: string }>(
    await handle.db.execute(sql`select code from regions where level = 'kabupaten_kota' and code <> ${MEASURED}
      order by code like '18.%' desc, code limit ${count}`),
  ).map((r) => r.code);
  return { others: codes.slice(0, count - 1), empty: codes[count - 1] };
}

/**
 * A fresh server database (`bench_regions_<label>_…`): the measured region 18.11 filled by the real
 * import of `files` (one per innovation). Partitioned: the regions added by the real `region add`
 * use case, 18.11's rows copied to each of `others`. Both: the `empty` region gets 18.11's agencies,
 * innovations and desa but no records, for a first import.
 */
export async function buildRegionsDatabase(options: {
  url: string;
  partitioned: boolean;
  regions: number;
  files: string[];
}): Promise<RegionsDatabase & { others: string[]; empty: string }> {
  const label = options.partitioned ? "partitioned" : "alone";
  const { handle, close } = await openBenchDatabase("postgresql", options.url, label, `bench_regions_${label}`);
  try {
    const ctx = await benchContext(handle, { partitioning: options.partitioned ? "region" : "none" });
    const { others, empty } = await pickRegions(handle, options.regions);
    if (options.partitioned) {
      const admin = await accountContext(handle.db, "admin@demo.local");
      for (const code of [...others, empty]) await addRegion({ ctx: admin, input: { code } });
    }
    const chosen = await chooseInnovations(handle.db);
    let start = performance.now();
    for (const [k, file] of options.files.entries()) {
      await importFile(ctx, chosen[k].id, file);
    }
    const importSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    if (options.partitioned)
      for (const code of others) await copyRegion(handle.db, [...CATALOGUE, ...RECORDS], MEASURED, code);
    const copySeconds = (performance.now() - start) / 1000;
    await copyRegion(handle.db, CATALOGUE, MEASURED, empty);
    await copyPlaces(handle.db, MEASURED, empty);
    await handle.db.execute(sql`vacuum analyze`);
    return { label, handle, close, ctx, chosen, importSeconds, copySeconds, others, empty };
  } catch (e) {
    await close();
    throw e;
  }
}
