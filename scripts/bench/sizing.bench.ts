/**
 * `npm run bench -- sizing` (ROWS=200000 by default): the bytes a resident and a service record
 * take on the server, for the sizing in docs/scaling.md. Imports a generated file (the same
 * generator as the beneficiary-import benchmark) into a fresh PostgreSQL database through the real
 * import, runs VACUUM ANALYZE, and divides each table's pg_total_relation_size (heap, TOAST and
 * every index; partitions summed under DB_PARTITIONING=region) by its rows.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, rowsOf } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { BIG_TABLES } from "@/db/table-classes";
import { generateNikKeys, setNikKeys } from "@/lib/crypto";
import { benchContext, importFile } from "./bench-import";
import { generateServiceRecordFile } from "./beneficiary-import-data";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

export default async function benchSizing() {
  const rows = Number(process.env.ROWS ?? 200_000);
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const partitioning = process.env.DB_PARTITIONING === "region" ? "region" : "none";
  setNikKeys(generateNikKeys());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-sizing-"));
  const file = path.join(dir, "layanan.csv");
  const name = `inovasi_sizing_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: dbUrl.toString() });
  try {
    await generateServiceRecordFile(ROOT, file, rows);
    const ctx = await benchContext(handle, { partitioning });
    const [innovation] = await handle.db.select().from(innovations).where(eq(innovations.name, "Payo Beladas"));
    const started = performance.now();
    const report = await importFile(ctx, innovation.id, file);
    const seconds = (performance.now() - started) / 1000;
    await handle.db.execute(sql`vacuum analyze`);
    console.log(
      `Imported ${rows.toLocaleString("en")} rows (${report.accepted.toLocaleString("en")} accepted) in ${seconds.toFixed(1)} s ` +
        `(${Math.round(rows / seconds).toLocaleString("en")} rows/s), tables ${partitioning === "region" ? "partitioned" : "plain"}`,
    );
    console.log("table              rows        total bytes   bytes/row   (heap+TOAST / indexes)");
    for (const table of BIG_TABLES) {
      const [r] = rowsOf<{ n: number; total: number; heap: number; idx: number }>(
        await handle.db.execute(
          sql.raw(`select (select count(*) from ${table})::float8 as n,
            sum(pg_total_relation_size(relid))::float8 as total, sum(pg_table_size(relid))::float8 as heap,
            sum(pg_indexes_size(relid))::float8 as idx
            from (select relid from pg_partition_tree('${table}') where isleaf
              union select '${table}'::regclass where (select relkind from pg_class where oid = '${table}'::regclass) = 'r') t`),
        ),
      );
      const per = (v: number) => (r.n ? Math.round(v / r.n) : 0);
      console.log(
        `${table.padEnd(18)} ${String(r.n).padStart(8)} ${String(r.total).padStart(14)} ${String(per(r.total)).padStart(11)}   (${per(r.heap)} / ${per(r.idx)})`,
      );
    }
  } finally {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
