/**
 * `npm run bench -- dashboard` (ROWS=100000 for a quicker run; BENCH_TARGETS, BENCH_DATABASE_URL as
 * for beneficiary-import).
 *
 * Imports the import benchmark's file (1,000,000 records over ~240,000 residents) split over six
 * innovations through the real import (which writes the dashboard's facts in its transaction),
 * then times the whole dashboard (every chart for one filter combination, `dashboardSummary`) for
 * 10 filter combinations:
 *   - cold: each combination asked for the first time, each right after an import of 20 records
 *     (so each request also brings the in-memory facts in step with a new batch);
 *   - warm: the same combinations again, 5 times each;
 *   - naive: the same charts as `count(distinct resident_id)` over the raw records, per combination;
 * and, once, the first request of a process that has loaded nothing (all facts from the table), the
 * first request after the big import, and the share of the import spent writing the facts.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { dashboardSummary } from "@/lib/analytics/dashboard";
import { applyBatchFacts } from "@/lib/analytics/facts";
import { forgetRegionFacts } from "@/lib/analytics/fact-store";
import { generateNikKeys, setNikKeys } from "@/lib/crypto";
import { openBenchDatabase } from "./bench-database";
import { benchContext, importFile } from "./bench-import";
import { generateServiceRecordFile } from "./beneficiary-import-data";
import { percentile, splitByInnovation } from "./dashboard-data";
import { chooseInnovations, dashboardCombos, timeDashboard } from "./dashboard-timing";
import { naiveDashboard } from "./naive-dashboard";

process.env.LOG_LEVEL ??= "warn";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const SHARES = [35, 25, 10, 10, 10, 10];

const ms = (start: number) => performance.now() - start;
const f1 = (v: number) => v.toFixed(1);

interface Result {
  target: string;
  importSeconds: number;
  factsSeconds: number;
  facts: number;
  residents: number;
  firstAfterBigImportMs: number;
  freshProcessMs: number;
  cold: number[];
  warm: number[];
  naive: number[];
  rssMb: number;
}

async function runOn(target: string, url: string, files: string[], dir: string): Promise<Result> {
  const { handle, close: cleanup } = await openBenchDatabase(target, url, "bench");
  try {
    const ctx = await benchContext(handle);
    const chosen = await chooseInnovations(handle.db);
    // Load the facts once before the big imports, as a running app would have them.
    await dashboardSummary({ ctx, input: {} });

    let importSeconds = 0;
    for (const [k, file] of files.entries()) {
      const start = performance.now();
      const report = await importFile(ctx, chosen[k].id, file);
      importSeconds += ms(start) / 1000;
      console.log(
        `  import ${k + 1}/${files.length} into ${chosen[k].name}: ${report.accepted.toLocaleString("en")} records in ${f1(ms(start) / 1000)} s`,
      );
    }
    await handle.db.execute(sql`analyze`);
    let start = performance.now();
    await dashboardSummary({ ctx, input: {} });
    const firstAfterBigImportMs = ms(start);

    // The facts' share of the import: each batch's facts written again on their own (untimed delete first).
    let factsSeconds = 0;
    const batches = await handle.db.execute(
      sql`select id::text as id from import_batches where status = 'done' and file_name like 'part-%'`,
    );
    for (const b of (Array.isArray(batches) ? batches : (batches as { rows: { id: string }[] }).rows) as {
      id: string;
    }[]) {
      await handle.db.transaction(async (tx) => {
        await applyBatchFacts(tx, { regionCode: "18.11", batchId: b.id }, -1);
        const s = performance.now();
        await applyBatchFacts(tx, { regionCode: "18.11", batchId: b.id }, 1);
        factsSeconds += ms(s) / 1000;
      });
    }
    const [counts] = (await handle.db
      .execute(
        sql`select (select count(*) from service_facts)::int as facts, (select count(*) from residents)::int as residents`,
      )
      .then((r) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows))) as { facts: number; residents: number }[];

    forgetRegionFacts(handle.db);
    start = performance.now();
    await dashboardSummary({ ctx, input: {} });
    const freshProcessMs = ms(start);

    const combos = dashboardCombos(chosen);
    const { cold, warm } = await timeDashboard(ctx, chosen, combos, files[0], dir);
    const naive: number[] = [];
    for (const input of combos) {
      start = performance.now();
      await naiveDashboard(handle.db, "18.11", input);
      naive.push(ms(start));
      console.log(`  naive ${JSON.stringify(input)}: ${Math.round(naive.at(-1)!)} ms`);
    }
    return {
      target,
      importSeconds,
      factsSeconds,
      facts: counts.facts,
      residents: counts.residents,
      firstAfterBigImportMs,
      freshProcessMs,
      cold,
      warm,
      naive,
      rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
  } finally {
    await cleanup();
  }
}

export default async function benchDashboard() {
  const rows = Number(process.env.ROWS ?? 1_000_000);
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const targets = (process.env.BENCH_TARGETS ?? "postgresql,pglite").split(",").map((t) => t.trim());
  if (targets.some((t) => t !== "postgresql" && t !== "pglite"))
    throw new Error("BENCH_TARGETS: use postgresql, pglite or both, comma-separated");
  setNikKeys(generateNikKeys());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-dashboard-"));
  try {
    const file = path.join(dir, "layanan.csv");
    await generateServiceRecordFile(ROOT, file, rows);
    const parts = SHARES.map((_, k) => path.join(dir, `part-${k + 1}.csv`));
    const counts = await splitByInnovation(file, SHARES, (k) => parts[k]);
    fs.rmSync(file);
    console.log(
      `File: ${rows.toLocaleString("en")} rows split over ${parts.length} innovations (${counts.map((c) => c.toLocaleString("en")).join(", ")}); load ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    const results: Result[] = [];
    for (const target of targets) {
      console.log(`\n-- ${target} --`);
      const r = await runOn(target, url, parts, dir);
      results.push(r);
      console.log(
        `Import: ${f1(r.importSeconds)} s, of which the facts ${f1(r.factsSeconds)} s (${((r.factsSeconds / r.importSeconds) * 100).toFixed(1)}%); ${r.facts.toLocaleString("en")} facts, ${r.residents.toLocaleString("en")} residents`,
      );
      console.log(
        `First request after the big import: ${Math.round(r.firstAfterBigImportMs)} ms; first request of a fresh process (all facts loaded): ${Math.round(r.freshProcessMs)} ms`,
      );
      console.log(
        `Dashboard cold p50/p95: ${f1(percentile(r.cold, 50))} / ${f1(percentile(r.cold, 95))} ms; warm p50/p95: ${f1(percentile(r.warm, 50))} / ${f1(percentile(r.warm, 95))} ms; naive p50/p95: ${Math.round(percentile(r.naive, 50))} / ${Math.round(percentile(r.naive, 95))} ms; RSS ${r.rssMb} MB`,
      );
    }
    console.log(
      `\nLoad average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
    );
    console.log(
      "\n| database | facts | cold p50 | cold p95 | warm p50 | warm p95 | naive p50 | naive p95 | naive ÷ cold (p95) | first after big import | fresh process | facts' share of import |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of results) {
      console.log(
        `| ${r.target} | ${r.facts.toLocaleString("en")} | ${f1(percentile(r.cold, 50))} ms | ${f1(percentile(r.cold, 95))} ms | ${f1(percentile(r.warm, 50))} ms | ${f1(percentile(r.warm, 95))} ms | ` +
          `${Math.round(percentile(r.naive, 50))} ms | ${Math.round(percentile(r.naive, 95))} ms | ${Math.round(percentile(r.naive, 95) / percentile(r.cold, 95))}× | ` +
          `${Math.round(r.firstAfterBigImportMs)} ms | ${Math.round(r.freshProcessMs)} ms | ${((r.factsSeconds / r.importSeconds) * 100).toFixed(1)}% |`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
