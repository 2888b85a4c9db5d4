/**
 * `npm run bench -- innovation-list`: the catalogue list at 10,000 innovations (a province-wide
 * catalogue). Builds a fresh embedded PGlite, and a fresh database on the server named by
 * BENCH_DATABASE_URL when set, fills it up to 10,000 generated innovations, then times each
 * query the list page and its export make. BENCH_RUNS (default 15) sets the timed runs per case;
 * BENCH_EXPLAIN=1 prints the query plan of the first page; BENCH_WITHOUT_LIST_INDEXES=1 drops the
 * list's indexes (migration 0006) first, to compare.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { count, eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { mulberry32 } from "../../lib/random";
import type { DatabaseHandle } from "@/db/client";
import type { Ctx } from "@/lib/auth/context";
import type { ListInnovationsInput } from "@/lib/innovations/list-innovations";
import { INITIATOR_TYPES, INNOVATION_FORMS, INNOVATION_TYPES, STAGES, THEMES } from "@/lib/innovations/vocabulary";
import { AFFAIR_CODES } from "@/lib/reference/affairs";

/**
 * The app's modules, loaded only once DATA_DIR points at a temporary directory: the logger reads
 * (and caches) the configuration when it is imported, and the demo seed writes NIK keys into
 * DATA_DIR, which must not be the developer's ./data.
 */
async function appModules() {
  const [
    bootstrap,
    client,
    agencySchema,
    innovationSchema,
    userSchema,
    coverage,
    exporter,
    stream,
    facets,
    list,
    query,
    actor,
  ] = await Promise.all([
    import("@/lib/db-bootstrap"),
    import("@/db/client"),
    import("@/db/schema/agencies"),
    import("@/db/schema/innovations"),
    import("@/db/schema/users"),
    import("@/lib/innovations/coverage"),
    import("@/lib/innovations/export-innovations"),
    import("@/lib/innovations/export-stream"),
    import("@/lib/innovations/facets"),
    import("@/lib/innovations/list-innovations"),
    import("@/lib/innovations/list-query"),
    import("@/lib/users/actor"),
  ]);
  return {
    ...bootstrap,
    ...client,
    ...agencySchema,
    ...innovationSchema,
    ...userSchema,
    ...coverage,
    ...exporter,
    ...stream,
    ...facets,
    ...list,
    ...query,
    ...actor,
  };
}
type App = Awaited<ReturnType<typeof appModules>>;
let app: App;

const TARGET = 10_000;
const LIST_INDEXES = ["innovations_list_default_idx", "innovations_list_name_idx", "innovations_list_updated_idx"];
const REGION = "18.11";
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const WARMUP = 3;

const WORDS = [
  "layanan",
  "desa",
  "digital",
  "sehat",
  "pintar",
  "terpadu",
  "keliling",
  "online",
  "mandiri",
  "cepat",
  "sigap",
  "tani",
  "sekolah",
  "pasar",
  "air",
  "bersih",
  "jalan",
  "warga",
  "anak",
  "ibu",
];

async function fill(db: DatabaseHandle["db"]): Promise<number> {
  const { agencies, innovations } = app;
  const rand = mulberry32(20261128);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const agencyIds = (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.regionCode, REGION))).map(
    (a) => a.id,
  );
  const [{ existing }] = await db.select({ existing: count() }).from(innovations);
  const rows: (typeof app.innovations.$inferInsert)[] = [];
  for (let i = existing; i < TARGET; i++) {
    const year = 2018 + Math.floor(rand() * 8);
    const name = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`.replace(/^./, (c) => c.toUpperCase());
    rows.push({
      regionCode: REGION,
      agencyId: pick(agencyIds),
      name,
      summary: `Inovasi ${pick(WORDS)} untuk ${pick(WORDS)} ${pick(WORDS)} di kecamatan ${1 + (i % 7)}.`,
      stage: pick(STAGES),
      initiatorType: pick(INITIATOR_TYPES),
      initiatorName: `Inisiator ${i % 300}`,
      innovationType: pick(INNOVATION_TYPES),
      form: pick(INNOVATION_FORMS),
      theme: pick(THEMES),
      mainAffair: pick(AFFAIR_CODES),
      otherAffairs: rand() < 0.3 ? [pick(AFFAIR_CODES)] : [],
      trialDate: `${year}-0${1 + Math.floor(rand() * 5)}-15`,
      implementationDate: `${year}-0${6 + Math.floor(rand() * 4)}-01`,
      yearApplied: year,
      isSample: true,
      completeness: rand() < 0.2 ? 100 : Math.floor(rand() * 100),
      archivedAt: rand() < 0.05 ? new Date() : null,
      updatedAt: new Date(Date.UTC(year, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28))),
    });
  }
  for (let start = 0; start < rows.length; start += 500)
    await db.insert(innovations).values(rows.slice(start, start + 500));
  await db.execute(sql`analyze innovations`);
  const [{ total }] = await db.select({ total: count() }).from(innovations);
  return total;
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

type Case = { name: string; run: (ctx: Ctx) => Promise<unknown> };

function cases(agencyId: string): Case[] {
  const { listInnovations, facetCounts, catalogueCoverage, prepareInnovationExport, csvStream } = app;
  const threeFilters: ListInnovationsInput = {
    stage: "penerapan",
    innovationType: "digital",
    agencyId,
    sort: "yearApplied",
    dir: "desc",
  };
  return [
    { name: "first page, unfiltered", run: (ctx) => listInnovations({ ctx, input: {} }) },
    { name: "text search (q=sehat)", run: (ctx) => listInnovations({ ctx, input: { q: "sehat" } }) },
    { name: "3 filters + sort", run: (ctx) => listInnovations({ ctx, input: threeFilters }) },
    {
      name: "page 200 sorted by name",
      run: (ctx) => listInnovations({ ctx, input: { sort: "name", offset: 199 * 25 } }),
    },
    { name: "facets, unfiltered", run: (ctx) => facetCounts({ ctx, input: {} }) },
    { name: "facets, 3 filters + search", run: (ctx) => facetCounts({ ctx, input: { ...threeFilters, q: "desa" } }) },
    { name: "coverage", run: (ctx) => catalogueCoverage({ ctx }) },
    {
      name: "CSV export, whole view",
      run: async (ctx) => {
        const view = await prepareInnovationExport({ ctx, input: { format: "csv" } });
        return drain(csvStream(view.pages, (e) => console.error(e)));
      },
    },
  ];
}

async function explain(ctx: Ctx) {
  const { listInnovationsInput, listWhere, selectRows } = app;
  const q = listInnovationsInput.parse({});
  const where = listWhere(REGION, q);
  const page = selectRows(ctx.db, where, q.sort, q.dir, 25, 0).toSQL();
  console.log("\nPlan of the first page:\n" + (await queryPlan(ctx, inline(page.sql, page.params))));
}

/** PGlite's execute gives `{ rows }`, postgres.js an array of rows. */
function resultRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}

async function queryPlan(ctx: Ctx, statement: string): Promise<string> {
  const plan = resultRows<{ "QUERY PLAN": string }>(await ctx.db.execute(sql.raw(`explain analyze ${statement}`)));
  return plan.map((r) => r["QUERY PLAN"]).join("\n");
}

/** Parameters inlined for EXPLAIN (bench-only: our own constants, never user input). */
function inline(text: string, params: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n) => {
    const v = params[Number(n) - 1];
    return typeof v === "number" ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
  });
}

async function benchDatabase(label: string, handle: DatabaseHandle) {
  const { prepareDatabase, users, innovations, actorFromUser } = app;
  const started = performance.now();
  await prepareDatabase(handle, { seedDemo: true, demoPassword: "bench-password", regionCode: REGION });
  const total = await fill(handle.db);
  if (process.env.BENCH_WITHOUT_LIST_INDEXES === "1") {
    // To see what migration 0006 buys: the same run without the list's partial indexes.
    await handle.db.execute(sql.raw(`drop index ${LIST_INDEXES.join(", ")}`));
    label += " WITHOUT the list indexes";
  }
  const [bappeda] = await handle.db.select().from(users).where(eq(users.email, "bappeda@demo.local"));
  const ctx: Ctx = { db: handle.db, actor: actorFromUser(bappeda), requestId: "bench" };
  const [busiest] = await handle.db
    .select({ agencyId: innovations.agencyId })
    .from(innovations)
    .groupBy(innovations.agencyId)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  console.log(
    `${label}: ${total} innovations ready in ${((performance.now() - started) / 1000).toFixed(1)} s; ${RUNS} timed runs per case`,
  );
  if (process.env.BENCH_EXPLAIN === "1") await explain(ctx);

  const results: Record<string, { median: string; p95: string }> = {};
  for (const c of cases(busiest.agencyId)) {
    for (let i = 0; i < WARMUP; i++) await c.run(ctx);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await c.run(ctx);
      samples.push(performance.now() - t0);
    }
    const s = stats(samples);
    results[c.name] = { median: s.median.toFixed(1), p95: s.p95.toFixed(1) };
  }
  console.log(`\n${label} (ms)`);
  console.table(results);
}

export default async function innovationListBench() {
  // The demo seed generates NIK keys into DATA_DIR; a benchmark must not leave them in ./data.
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-"));
  try {
    app = await appModules();
    await benchBoth();
  } finally {
    fs.rmSync(process.env.DATA_DIR, { recursive: true, force: true });
  }
}

async function benchBoth() {
  const { openDatabase } = app;
  const pglite = await openDatabase({});
  try {
    await benchDatabase("PGlite (embedded, in memory)", pglite);
  } finally {
    await pglite.close();
  }

  const url = process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log("\nSet BENCH_DATABASE_URL=postgres://… to bench PostgreSQL too (a database is created and dropped).");
    return;
  }
  const name = `inovasi_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  try {
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = await openDatabase({ url: dbUrl.toString(), maxConnections: 5 });
    try {
      const v =
        resultRows<{ server_version: string }>(await handle.db.execute(sql`show server_version`))[0]?.server_version ??
        "?";
      await benchDatabase(`PostgreSQL ${v}`, handle);
    } finally {
      await handle.close();
    }
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
