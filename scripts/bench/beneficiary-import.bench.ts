/**
 * `npm run bench -- beneficiary-import` (ROWS=100000 for a quicker run).
 *
 * Writes a realistic service-record file (see ./beneficiary-import-data.ts) and measures, on the
 * PostgreSQL server (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a fresh
 * database is created and dropped) and on embedded PGlite (a temporary data directory):
 *   - COPY of the same file into a bare table of text columns (psql \copy on the server; PGlite's
 *     COPY FROM /dev/blob): parsing only, the speed the target is set against;
 *   - the integrity floor: COPY of the rows the import stored (residents and records, already
 *     checked, hashed and encrypted) into empty tables with the same indexes, unique rules and
 *     foreign keys — what the database alone needs to store them (see FLOOR_TABLES);
 *   - the dry run and the real import through importServiceRecords (the API, page and CLI path);
 *   - peak resident memory (RSS sampled every 20 ms) during each.
 * Each database is measured in a child Node process started with BENCH_NODE_FLAGS (default
 * `--max-old-space-size=384 --expose-gc`), the heap cap an operator sets with NODE_OPTIONS: without
 * it V8 lets garbage pile up when the CPU is busy, and RSS says more about the GC than the import.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { prepareDatabase } from "@/lib/db-bootstrap";
import { type DatabaseHandle, openDatabase } from "@/db/client";
import { seedDemo } from "@/seed/demo";
import { innovations } from "@/db/schema/innovations";
import { users } from "@/db/schema/users";
import type { Ctx } from "@/lib/auth/context";
import { type ImportOptions, importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { generateNikKeys, setNikKeys } from "@/lib/crypto";
import { actorFromUser } from "@/lib/users/actor";
import { generateServiceRecordFile } from "./beneficiary-import-data";
import { type Measure, measure, type ReadTimings, readTimings } from "./beneficiary-import-measures";

process.env.LOG_LEVEL ??= "warn";
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

const BARE = `create table bare_import (nik text, nama text, tanggal_layanan text, jenis_layanan text, kode_desa text, nilai text)`;

/**
 * The integrity floor: what the database alone needs to store what the import stored. The
 * residents and the batch's records, already valid, hashed and encrypted, are copied out and then
 * COPYed into empty tables with the same columns, indexes, unique rules and foreign keys (the
 * records referencing the copied residents). No parsing of a user's file, no checks, no crypto.
 */
const RESIDENT_COLUMNS = "id, region_code, nik_hash, nik_encrypted, name_encrypted, sex, birth_date, issue_area_code";
const RECORD_COLUMNS =
  "region_code, innovation_id, resident_id, service_date, service_type, desa_code, amount, batch_id";
const exportResidents = `select ${RESIDENT_COLUMNS} from residents`;
const exportRecords = (batchId: string) =>
  `select ${RECORD_COLUMNS} from service_records where batch_id = '${batchId}' order by id`;
const FLOOR_TABLES = [
  "create table floor_residents (like residents including all)",
  "create table floor_records (like service_records including all)",
  "alter table floor_records add foreign key (innovation_id) references innovations, add foreign key (resident_id) references floor_residents, add foreign key (batch_id) references import_batches",
];

async function benchContext(handle: DatabaseHandle): Promise<{ ctx: Ctx; innovationId: string }> {
  await prepareDatabase(handle, { seedDemo: false, demoPassword: "unused-password", regionCode: "18.11" });
  await seedDemo(handle.db, { password: "bench-password-1", regionCode: "18.11" });
  const [user] = await handle.db.select().from(users).where(eq(users.email, "bappeda@demo.local"));
  const [innovation] = await handle.db.select().from(innovations).where(eq(innovations.name, "Payo Beladas"));
  return { ctx: { db: handle.db, actor: actorFromUser(user), requestId: "bench" }, innovationId: innovation.id };
}

function importOptions(file: string, innovationId: string, dryRun: boolean): ImportOptions {
  return {
    innovationId,
    open: () => openRecordFile(fs.createReadStream(file, { highWaterMark: 256 * 1024 }), file),
    fileName: path.basename(file),
    dryRun,
    mode: "default",
    locale: "en",
    source: "cli",
  };
}

interface Row {
  database: string;
  /** RSS with the database open and seeded, before the import (PGlite's engine lives in this process). */
  baselineRssMb: number;
  copy: Measure;
  /** COPY of the imported residents and records into empty tables with the same keys (see FLOOR_TABLES). */
  floor: Measure;
  reads: ReadTimings;
  dryRun: Measure;
  importRun: Measure & { accepted: number; duplicates: number; rejected: number };
}

async function runOn(database: "postgresql" | "pglite", file: string, rows: number, url: string): Promise<Row> {
  let handle: DatabaseHandle;
  let cleanup: () => Promise<void>;
  let copy: () => Promise<void>;
  /** Copies the imported rows out (untimed) and answers the timed load into the floor tables. */
  let floor: (batchId: string) => Promise<() => Promise<void>>;
  if (database === "postgresql") {
    const name = `inovasi_bench_${randomBytes(4).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    handle = await openDatabase({ url: dbUrl.toString(), maxConnections: 4 });
    cleanup = async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
    copy = async () => {
      execFileSync(
        "psql",
        [
          dbUrl.toString(),
          "-q",
          "-c",
          BARE,
          "-c",
          `\\copy bare_import from '${file}' with (format csv, header true, delimiter ';')`,
        ],
        { stdio: ["ignore", "ignore", "inherit"] },
      );
    };
    floor = async (batchId) => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-floor-"));
      const psql = (...commands: string[]) =>
        execFileSync("psql", [dbUrl.toString(), "-q", "-v", "ON_ERROR_STOP=1", ...commands.flatMap((c) => ["-c", c])], {
          stdio: ["ignore", "ignore", "inherit"],
        });
      psql(
        `\\copy (${exportResidents}) to '${out}/residents.csv' csv`,
        `\\copy (${exportRecords(batchId)}) to '${out}/records.csv' csv`,
        ...FLOOR_TABLES,
      );
      return async () => {
        try {
          psql(
            `\\copy floor_residents (${RESIDENT_COLUMNS}) from '${out}/residents.csv' csv`,
            `\\copy floor_records (${RECORD_COLUMNS}) from '${out}/records.csv' csv`,
          );
        } finally {
          fs.rmSync(out, { recursive: true, force: true });
        }
      };
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-pglite-"));
    handle = await openDatabase({ dataDir: dir });
    cleanup = async () => {
      await handle.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    copy = async () => {
      const { PGlite } = await import("@electric-sql/pglite");
      // The same engine in a second, throw-away instance, so the bare table does not sit in the measured one.
      const pg = new PGlite(path.join(dir, "copy"));
      await pg.exec(BARE);
      await pg.query(`copy bare_import from '/dev/blob' with (format csv, header true, delimiter ';')`, [], {
        blob: new Blob([fs.readFileSync(file)]),
      });
      await pg.close();
    };
    floor = async (batchId) => {
      const pg = (handle.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
      const residentsBlob = (await pg.query(`copy (${exportResidents}) to '/dev/blob' csv`)).blob!;
      const recordsBlob = (await pg.query(`copy (${exportRecords(batchId)}) to '/dev/blob' csv`)).blob!;
      for (const statement of FLOOR_TABLES) await pg.exec(statement);
      return async () => {
        await pg.query(`copy floor_residents (${RESIDENT_COLUMNS}) from '/dev/blob' csv`, [], { blob: residentsBlob });
        await pg.query(`copy floor_records (${RECORD_COLUMNS}) from '/dev/blob' csv`, [], { blob: recordsBlob });
      };
    };
  }
  try {
    const { ctx, innovationId } = await benchContext(handle);
    global.gc?.();
    const baselineRssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
    // On PGlite the COPY runs last: a second engine instance would stay in this process's memory.
    const copied = database === "postgresql" ? await measure(copy) : null;
    const dry = await measure(() => importServiceRecords(ctx, importOptions(file, innovationId, true)));
    const imported = await measure(() => importServiceRecords(ctx, importOptions(file, innovationId, false)));
    const reads = await readTimings(ctx, innovationId);
    const floorLoad = await floor(imported.result.batchId!);
    const floored = await measure(floorLoad);
    const copiedLast = copied ?? (await measure(copy));
    if (imported.result.rows !== rows) throw new Error(`expected ${rows} rows, read ${imported.result.rows}`);
    return {
      database,
      baselineRssMb,
      copy: copiedLast,
      floor: floored,
      reads,
      dryRun: dry,
      importRun: {
        ...imported,
        accepted: imported.result.accepted,
        duplicates: imported.result.duplicates,
        rejected: imported.result.rejected,
      },
    };
  } finally {
    await cleanup();
  }
}

const rate = (rows: number, seconds: number) => Math.round(rows / seconds).toLocaleString("en");

const SELF = new URL(import.meta.url).pathname;

/** In the child: measure one database on the given file, print the result as JSON on the last line. */
async function child() {
  setNikKeys(generateNikKeys());
  const result = await runOn(
    process.env.BENCH_CHILD as "postgresql" | "pglite",
    process.env.BENCH_FILE!,
    Number(process.env.ROWS),
    process.env.BENCH_URL!,
  );
  const summary: Row = {
    ...result,
    dryRun: { seconds: result.dryRun.seconds, peakRssMb: result.dryRun.peakRssMb },
    importRun: { ...result.importRun, result: undefined } as Row["importRun"],
  };
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(summary)}\n`);
}

if (process.env.BENCH_CHILD && process.argv[1] && path.resolve(process.argv[1]) === SELF) {
  // exitCode, not exit(): a piped stdout must be flushed before the process ends.
  child().then(
    () => (process.exitCode = 0),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

function inChild(target: "postgresql" | "pglite", file: string, rows: number, url: string): Row {
  const flags = (process.env.BENCH_NODE_FLAGS ?? "--max-old-space-size=384 --expose-gc").split(/\s+/).filter(Boolean);
  const out = spawnSync(process.execPath, [...flags, "--import", "tsx", SELF], {
    env: {
      ...process.env,
      BENCH_CHILD: target,
      BENCH_FILE: file,
      BENCH_URL: url,
      ROWS: String(rows),
      LOG_LEVEL: "warn",
    },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = out.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
  if (out.status !== 0 || !line)
    throw new Error(`benchmark on ${target} failed (exit ${out.status}):\n${out.stdout.slice(-2000)}`);
  return JSON.parse(line.slice("BENCH_RESULT ".length)) as Row;
}

export default async function benchBeneficiaryImport() {
  const rows = Number(process.env.ROWS ?? 1_000_000);
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const targets = (process.env.BENCH_TARGETS ?? "postgresql,pglite").split(",").map((t) => t.trim()) as (
    "postgresql" | "pglite"
  )[];
  const unknown = targets.filter((t) => t !== "postgresql" && t !== "pglite");
  if (unknown.length)
    throw new Error(
      `BENCH_TARGETS: unknown target ${unknown.join(", ")} (use postgresql, pglite or both, comma-separated)`,
    );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-file-"));
  const file = path.join(dir, "layanan.csv");
  try {
    const generated = await measure(() => generateServiceRecordFile(ROOT, file, rows));
    console.log(
      `File: ${rows.toLocaleString("en")} rows, ${generated.result.damaged.toLocaleString("en")} damaged (${((generated.result.damaged / rows) * 100).toFixed(1)}%), ` +
        `${(generated.result.bytes / 1024 / 1024).toFixed(1)} MB, written in ${generated.seconds.toFixed(1)} s`,
    );
    const results: Row[] = [];
    for (const target of targets) {
      console.log(`\n-- ${target} --`);
      const r = inChild(target, file, rows, url);
      results.push(r);
      console.log(`RSS before the import:  ${r.baselineRssMb} MB`);
      console.log(`COPY into a bare table: ${r.copy.seconds.toFixed(2)} s (${rate(rows, r.copy.seconds)} rows/s)`);
      console.log(
        `Integrity floor:        ${r.floor.seconds.toFixed(2)} s (${rate(rows, r.floor.seconds)} rows/s): COPY of the stored residents and records into tables with the same keys`,
      );
      console.log(
        `Dry run:                ${r.dryRun.seconds.toFixed(2)} s (${rate(rows, r.dryRun.seconds)} rows/s), peak RSS ${r.dryRun.peakRssMb} MB`,
      );
      console.log(
        `Import:                 ${r.importRun.seconds.toFixed(2)} s (${rate(rows, r.importRun.seconds)} rows/s), peak RSS ${r.importRun.peakRssMb} MB; ` +
          `${r.importRun.accepted.toLocaleString("en")} accepted, ${r.importRun.duplicates.toLocaleString("en")} duplicates, ${r.importRun.rejected.toLocaleString("en")} rejected`,
      );
      console.log(
        `Reading the result:     impact ${r.reads.impactMs} ms computed, ${r.reads.impactCachedMs} ms cached (one year: ${r.reads.impactYearMs} ms computed), ` +
          `cross-programme ${r.reads.crossProgrammeMs} ms computed, ${r.reads.crossProgrammeCachedMs} ms cached, ` +
          `leader home ${r.reads.leaderHomeMs} ms computed (cross-programme cached), ${r.reads.leaderHomeCachedMs} ms cached`,
      );
      console.log(
        `Import speed / COPY speed: ${(r.copy.seconds / r.importRun.seconds).toFixed(3)} (target ≥ 0.5 on the server)`,
      );
      console.log(
        `Floor speed / COPY speed:  ${(r.copy.seconds / r.floor.seconds).toFixed(3)} (the most any import that keeps the keys can reach)`,
      );
      console.log(`Import speed / floor speed: ${(r.floor.seconds / r.importRun.seconds).toFixed(2)}`);
    }
    console.log(
      "\n| database | rows | COPY rows/s | floor rows/s | dry run rows/s | import rows/s | import ÷ COPY | floor ÷ COPY | import ÷ floor | RSS before | peak RSS dry run | peak RSS import |",
    );
    console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (const r of results) {
      console.log(
        `| ${r.database} | ${rows.toLocaleString("en")} | ${rate(rows, r.copy.seconds)} | ${rate(rows, r.floor.seconds)} | ${rate(rows, r.dryRun.seconds)} | ${rate(rows, r.importRun.seconds)} | ` +
          `${(r.copy.seconds / r.importRun.seconds).toFixed(3)} | ${(r.copy.seconds / r.floor.seconds).toFixed(3)} | ${(r.floor.seconds / r.importRun.seconds).toFixed(2)} | ` +
          `${r.baselineRssMb} MB | ${r.dryRun.peakRssMb} MB | ${r.importRun.peakRssMb} MB |`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
