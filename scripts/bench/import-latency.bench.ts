/**
 * `npm run bench -- import-latency` (ROWS=200000 for a quicker run; BENCH_TARGETS=pglite or
 * postgresql for one database; BENCH_DATABASE_URL as for beneficiary-import).
 *
 * How long a page waits while a large import runs (issue 10, item 3). On each database (a fresh
 * server database, or a temporary PGlite data directory) with the demo data, it first probes with
 * no import running, then imports the benchmark file (./beneficiary-import-data.ts) and probes
 * while it runs. A probe, every 200 ms, is what the leader's home page asks (`leaderImpact`: the
 * records version and the cached aggregates) and one uncached aggregate over an innovation's
 * records (distinct residents per month of Pak Kur, as the impact tab computes it), right after it.
 * Reported: p50/p95/max of each, in milliseconds (the page from when it was due, see `probe`), and
 * the import's own time. After the import it also times
 * the published-only condition that readers now carry (lib/beneficiaries/published.ts) against the
 * same aggregate without it, over the imported innovation's records.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseHandle } from "@/db/client";
import { eq, sql } from "drizzle-orm";
import { innovations } from "@/db/schema/innovations";
import type { Ctx } from "@/lib/auth/context";
import { generateNikKeys, setNikKeys } from "@/lib/crypto";
import { leaderImpact } from "@/lib/dashboard/impact-summary";
import { openBenchDatabase } from "./bench-database";
import { benchContext, importFile } from "./bench-import";
import { generateServiceRecordFile } from "./beneficiary-import-data";

process.env.LOG_LEVEL ??= "warn";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const EVERY_MS = 200;

interface Spread {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

function spread(samples: number[]): Spread {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0);
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: Math.round(s.at(-1) ?? 0) };
}

/**
 * Probes every EVERY_MS until `until` settles; answers the latencies of each probe, counted from the
 * moment the probe was due: on PGlite the engine runs on this thread, so a page request arriving
 * while a chunk is being written waits for the chunk before it can even start — as a timer does.
 */
async function probe(ctx: Ctx, otherInnovation: string, until: Promise<unknown>) {
  let done = false;
  void until.finally(() => (done = true)).catch(() => {});
  const page: number[] = [];
  const aggregate: number[] = [];
  let due = performance.now();
  while (!done) {
    await leaderImpact({ ctx });
    const pageDone = performance.now();
    page.push(pageDone - due);
    await ctx.db.execute(sql`
      select to_char(service_date, 'YYYY-MM') as month, count(distinct resident_id)
      from service_records
      where innovation_id = ${otherInnovation}::uuid and batch_id <> all(array(select id from import_batches where pending))
      group by 1`);
    aggregate.push(performance.now() - pageDone);
    // The next probe is due at the next tick after this one ended.
    due += EVERY_MS * Math.max(1, Math.ceil((performance.now() - due) / EVERY_MS));
    const wait = due - performance.now();
    if (wait > 0 && !done) await new Promise((r) => setTimeout(r, wait));
  }
  return { page: spread(page), aggregate: spread(aggregate) };
}

/** The published-only condition's cost: the same aggregate with and without it, alternately, best of five. */
async function filterCost(db: DatabaseHandle["db"], innovationId: string) {
  const time = async (withFilter: boolean) => {
    const start = performance.now();
    await db.execute(sql`
      select to_char(service_date, 'YYYY-MM') as month, count(*), count(distinct resident_id)
      from service_records
      where innovation_id = ${innovationId}::uuid
        ${withFilter ? sql`and batch_id <> all(array(select id from import_batches where pending))` : sql``}
      group by 1`);
    return performance.now() - start;
  };
  let withMs = Infinity;
  let withoutMs = Infinity;
  for (let i = 0; i < 5; i++) {
    withoutMs = Math.min(withoutMs, await time(false));
    withMs = Math.min(withMs, await time(true));
  }
  return { withoutMs: Math.round(withoutMs), withMs: Math.round(withMs) };
}

async function runOn(target: string, url: string, file: string) {
  const { handle, close } = await openBenchDatabase(target, url, "latency");
  try {
    const ctx = await benchContext(handle);
    const byName = async (name: string) =>
      (await handle.db.select().from(innovations).where(eq(innovations.name, name)))[0].id;
    const payo = await byName("Payo Beladas");
    const pakKur = await byName("Pak Kur");

    const idle = await probe(ctx, pakKur, new Promise((r) => setTimeout(r, 5_000)));
    const start = performance.now();
    const importing = importFile(ctx, payo, file);
    const during = await probe(ctx, pakKur, importing);
    const report = await importing;
    const importSeconds = (performance.now() - start) / 1000;
    return {
      target,
      idle,
      during,
      importSeconds: Math.round(importSeconds * 10) / 10,
      accepted: report.accepted,
      filter: await filterCost(handle.db, payo),
    };
  } finally {
    await close();
  }
}

export default async function benchImportLatency() {
  const rows = Number(process.env.ROWS ?? 1_000_000);
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const targets = (process.env.BENCH_TARGETS ?? "postgresql,pglite").split(",").map((t) => t.trim());
  const unknown = targets.filter((t) => t !== "postgresql" && t !== "pglite");
  if (unknown.length) throw new Error(`BENCH_TARGETS: unknown target ${unknown.join(", ")}`);
  setNikKeys(generateNikKeys());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-latency-file-"));
  const file = path.join(dir, "layanan.csv");
  try {
    await generateServiceRecordFile(ROOT, file, rows);
    console.log(`File: ${rows.toLocaleString("en")} rows; a probe every ${EVERY_MS} ms (ms: p50 / p95 / max, n)`);
    for (const target of targets) {
      const r = await runOn(target, url, file);
      const show = (s: Spread) => `${s.p50} / ${s.p95} / ${s.max} (n=${s.n})`;
      console.log(`\n${target}: import of ${r.accepted.toLocaleString("en")} records in ${r.importSeconds} s`);
      console.log(`  leader home, idle:             ${show(r.idle.page)}`);
      console.log(`  leader home, during import:    ${show(r.during.page)}`);
      console.log(`  uncached aggregate, idle:      ${show(r.idle.aggregate)}`);
      console.log(`  uncached aggregate, importing: ${show(r.during.aggregate)}`);
      console.log(
        `  published-only condition over the imported records: ${r.filter.withMs} ms with, ${r.filter.withoutMs} ms without`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
