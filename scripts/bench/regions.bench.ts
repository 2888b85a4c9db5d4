/**
 * `npm run bench -- regions` (`-- regions --small` for a quick check: 3 regions × 20,000 records,
 * imports of 10,000; BENCH_REGIONS, ROWS (records per region), BENCH_IMPORT_ROWS, BENCH_RUNS to set
 * them; BENCH_DATABASE_URL as for the others). PostgreSQL only.
 *
 * Issue 15 item 6: one region among many on partitioned tables (DB_PARTITIONING=region) against the
 * same region alone in a plain database. Builds two fresh server databases (./regions-build.ts):
 * partitioned, with BENCH_REGIONS regions of ROWS records each (18.11 through the real import, the
 * others copied from it), and plain, holding 18.11 only. On both it times 18.11's dashboard (cold and
 * warm, as the dashboard benchmark, BENCH_RUNS rounds), BENCH_RUNS imports of a fresh file into 18.11 and a first import
 * into an empty region; on the partitioned one the province-wide summary with and without
 * partitionwise aggregation, and the plan of a one-region query. Then where an insert's time goes
 * (foreign-key triggers) on both.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateNikKeys, setNikKeys } from "@/lib/crypto";
import { importFile } from "./bench-import";
import { generateServiceRecordFile } from "./beneficiary-import-data";
import { percentile, splitByInnovation } from "./dashboard-data";
import { dashboardCombos, timeDashboard } from "./dashboard-timing";
import { buildRegionsDatabase } from "./regions-build";
import { insertTriggerTimes, provinceSummary, pruningPlan } from "./regions-report";

process.env.LOG_LEVEL ??= "warn";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const SHARES = [35, 25, 10, 10, 10, 10];

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const f1 = (v: number) => v.toFixed(1);

function options() {
  const small = process.argv.includes("--small");
  const num = (name: string, full: number, quick: number) => Number(process.env[name] ?? (small ? quick : full));
  return {
    regions: num("BENCH_REGIONS", 20, 3),
    rows: num("ROWS", 250_000, 20_000),
    importRows: num("BENCH_IMPORT_ROWS", 50_000, 10_000),
    runs: num("BENCH_RUNS", 3, 2),
    url: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  };
}

export default async function benchRegions() {
  const o = options();
  setNikKeys(generateNikKeys());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-regions-"));
  const file = (name: string) => path.join(dir, name);
  const opened: { close: () => Promise<void> }[] = [];
  try {
    await generateServiceRecordFile(ROOT, file("base.csv"), o.rows);
    const parts = SHARES.map((_, k) => file(`part-${k + 1}.csv`));
    await splitByInnovation(file("base.csv"), SHARES, (k) => parts[k]);
    const fresh = Array.from({ length: o.runs }, (_, i) => file(`fresh-${i + 1}.csv`));
    for (const [i, f] of fresh.entries()) await generateServiceRecordFile(ROOT, f, o.importRows, 7000 + i);
    console.log(
      `${o.regions} regions × ${o.rows.toLocaleString("en")} records; imports of ${o.importRows.toLocaleString("en")} rows, ${o.runs} runs; load ${load()}`,
    );

    const dbs = [];
    for (const partitioned of [true, false]) {
      const built = await buildRegionsDatabase({ url: o.url, partitioned, regions: o.regions, files: parts });
      opened.push(built);
      dbs.push(built);
      console.log(
        `  built ${built.label}: 18.11 imported in ${f1(built.importSeconds)} s` +
          (partitioned ? `, copied to ${built.others.length} regions in ${f1(built.copySeconds)} s` : ""),
      );
    }
    const part = dbs[0];
    const empty = part.empty;
    const emptyFile = file("empty.csv");
    fs.writeFileSync(emptyFile, fs.readFileSync(fresh[0], "utf8").replaceAll(";18.11.", `;${empty}.`));

    const measured = dbs.map((db) => ({
      db,
      cold: [] as number[],
      warm: [] as number[],
      importRate: [] as number[],
      emptyRate: 0,
    }));
    // Each database in turn goes first (the machine's load drifts), after a round untimed on both (the scan's code warmed up).
    const inTurn = (round: number) => (round % 2 ? [...measured].reverse() : measured);
    for (let round = 0; round <= o.runs; round++)
      for (const m of inTurn(round)) {
        const t = await timeDashboard(m.db.ctx, m.db.chosen, dashboardCombos(m.db.chosen), parts[0], dir, round);
        if (round === 0) continue;
        m.cold.push(...t.cold);
        m.warm.push(...t.warm);
      }
    const summary = {
      off: await provinceSummary(part.handle.db, false, o.runs),
      on: await provinceSummary(part.handle.db, true, o.runs),
    };
    const plan = await pruningPlan(part.handle.db);
    for (const [i, f] of fresh.entries())
      for (const m of inTurn(i)) {
        const start = performance.now();
        const report = await importFile(m.db.ctx, m.db.chosen[1].id, f);
        m.importRate.push(report.rows / ((performance.now() - start) / 1000));
      }
    for (const m of measured) {
      const ctx = { ...m.db.ctx, actor: { ...m.db.ctx.actor!, regionCode: empty } };
      const start = performance.now();
      const report = await importFile(ctx, m.db.chosen[0].id, emptyFile);
      m.emptyRate = report.rows / ((performance.now() - start) / 1000);
      console.log(`  ${m.db.label}: first import into ${empty}: ${report.accepted.toLocaleString("en")} accepted`);
    }

    const triggers = [];
    for (const db of dbs) triggers.push({ label: db.label, ...(await insertTriggerTimes(db.handle.db, o.importRows)) });

    console.log(`\nLoad average at the end: ${load()}`);
    const [p, a] = measured;
    const row = (what: string, pv: number, av: number, unit: string, digits = 1) =>
      console.log(
        `| ${what} | ${pv.toFixed(digits)} ${unit} | ${av.toFixed(digits)} ${unit} | ${(pv / av).toFixed(2)} |`,
      );
    console.log(`\n| 18.11 | partitioned (${o.regions} regions) | alone (plain) | partitioned ÷ alone |`);
    console.log("|---|---:|---:|---:|");
    row("dashboard cold p50", percentile(p.cold, 50), percentile(a.cold, 50), "ms");
    row("dashboard cold p95", percentile(p.cold, 95), percentile(a.cold, 95), "ms");
    row("dashboard warm p50", percentile(p.warm, 50), percentile(a.warm, 50), "ms", 2);
    row("dashboard warm p95", percentile(p.warm, 95), percentile(a.warm, 95), "ms", 2);
    row(
      `import ${o.importRows.toLocaleString("en")} rows (p50 of ${o.runs})`,
      percentile(p.importRate, 50),
      percentile(a.importRate, 50),
      "rows/s",
      0,
    );
    row(`first import into empty ${empty}`, p.emptyRate, a.emptyRate, "rows/s", 0);
    console.log(
      `\nProvince summary over ${summary.off.regions} regions (p50 of ${o.runs}): ${Math.round(summary.off.p50)} ms; ` +
        `with enable_partitionwise_aggregate: ${Math.round(summary.on.p50)} ms`,
    );
    console.log(`\nOne-region plan (partitioned):\n  ${plan.join("\n  ")}`);
    console.log(`\nInsert of ${o.importRows.toLocaleString("en")} records (EXPLAIN ANALYZE, rolled back):`);
    for (const t of triggers)
      console.log(
        `  ${t.label}: ${Math.round(t.total)} ms; ` +
          t.triggers
            .map((x) => `${x.name} ${Math.round(x.ms)} ms (${((x.ms / x.calls) * 1000).toFixed(1)} µs/row)`)
            .join(", "),
      );
  } finally {
    for (const db of opened) await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
