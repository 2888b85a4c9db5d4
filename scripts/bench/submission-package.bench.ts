/**
 * `npm run bench -- submission-package`: the IGA submission package of 110 innovations with
 * ~2,000 generated evidence files totalling ~1 GB (BENCH_EVIDENCE_FILES, BENCH_EVIDENCE_KB to
 * change it). Runs on the PostgreSQL server named by BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/test; a fresh database is created and dropped): a gigabyte
 * of evidence does not fit an in-memory PGlite. Freezes the snapshot, streams the package to a
 * temporary file, then verifies it; reports time and peak RSS (sampled every 20 ms) of each step.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { spawnSync } from "node:child_process";
import postgres from "postgres";

const REGION = "18.11";
const FILES = Number(process.env.BENCH_EVIDENCE_FILES ?? 2000);
const FILE_KB = Number(process.env.BENCH_EVIDENCE_KB ?? 512);

async function appModules() {
  const [bootstrap, client, schema, iga, actor, freeze, queries, zip, verify, drizzle] = await Promise.all([
    import("@/lib/db-bootstrap"),
    import("@/db/client"),
    import("@/db/schema"),
    import("@/lib/iga/storage"),
    import("@/lib/users/actor"),
    import("@/lib/submissions/freeze"),
    import("@/lib/submissions/queries"),
    import("@/lib/submissions/package/zip"),
    import("@/lib/submissions/verify"),
    import("drizzle-orm"),
  ]);
  return { ...bootstrap, ...client, schema, ...iga, ...actor, ...freeze, ...queries, ...zip, ...verify, drizzle };
}
type App = Awaited<ReturnType<typeof appModules>>;

async function measure<T>(run: () => Promise<T>) {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = performance.now();
  try {
    const result = await run();
    return {
      result,
      seconds: Math.round((performance.now() - start) / 100) / 10,
      peakRssMb: Math.round(Math.max(peak, process.memoryUsage().rss) / 1024 / 1024),
    };
  } finally {
    clearInterval(timer);
  }
}

/** Every demo innovation in 2023, and FILES evidence files of FILE_KB spread over their indicators. */
async function fill(app: App, db: import("@/db/client").Db) {
  const { schema, drizzle } = app;
  await db
    .update(schema.innovations)
    .set({ yearApplied: 2023 })
    .where(drizzle.eq(schema.innovations.regionCode, REGION));
  const innovations = await db
    .select({ id: schema.innovations.id })
    .from(schema.innovations)
    .where(drizzle.eq(schema.innovations.regionCode, REGION));
  const [framework] = await db.select().from(schema.igaFrameworks).where(drizzle.eq(schema.igaFrameworks.year, 2023));
  const indicators = await db
    .select({ id: schema.igaIndicators.id, code: schema.igaIndicators.code })
    .from(schema.igaIndicators)
    .where(
      drizzle.and(
        drizzle.eq(schema.igaIndicators.frameworkId, framework.id),
        drizzle.eq(schema.igaIndicators.scope, "innovation"),
      ),
    );
  // One assessment per innovation × indicator (the demo leaves some out).
  for (const inv of innovations) {
    await db
      .insert(schema.igaAssessments)
      .values(
        indicators.map((i) => ({
          regionCode: REGION,
          indicatorId: i.id,
          innovationId: inv.id,
          subjectKey: inv.id,
          level: 2,
          isSample: true,
        })),
      )
      .onConflictDoNothing();
  }
  const assessments = await db
    .select({ id: schema.igaAssessments.id, code: schema.igaIndicators.code })
    .from(schema.igaAssessments)
    .innerJoin(schema.igaIndicators, drizzle.eq(schema.igaIndicators.id, schema.igaAssessments.indicatorId))
    .where(
      drizzle.and(
        drizzle.eq(schema.igaIndicators.frameworkId, framework.id),
        drizzle.isNotNull(schema.igaAssessments.innovationId),
      ),
    );
  const storage = app.fileStorage();
  let bytes = 0;
  for (let n = 0; n < FILES; n++) {
    const body = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(FILE_KB * 1024 - 9)]);
    const file = await storage.put(db, body, "application/pdf");
    const a = assessments[n % assessments.length];
    await db.insert(schema.igaEvidence).values({
      regionCode: REGION,
      assessmentId: a.id,
      kind: "file",
      fileId: file.id,
      fileName: `bukti-${n}.pdf`,
      subject: `Bukti ${n}`,
      isSample: true,
    });
    bytes += body.length;
    if ((n + 1) % 250 === 0) process.stdout.write(`  generated ${n + 1}/${FILES} evidence files\n`);
  }
  return { innovations: innovations.length, files: FILES, gb: Math.round((bytes / 1024 ** 3) * 100) / 100 };
}

async function run(app: App, handle: import("@/db/client").DatabaseHandle, dbUrl: string) {
  await app.prepareDatabase(handle, { seedDemo: true, demoPassword: "bench-password", regionCode: REGION });
  const filled = await fill(app, handle.db);
  console.log(`  ${filled.innovations} innovations, ${filled.files} generated evidence files, ${filled.gb} GB`);
  const [user] = await handle.db
    .select()
    .from(app.schema.users)
    .where(app.drizzle.eq(app.schema.users.email, "evaluator@demo.local"));
  const ctx = { db: handle.db, actor: app.actorFromUser(user), requestId: "bench" };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-package-"));
  try {
    const frozen = await measure(() =>
      app.freezeSubmission({ ctx, input: { year: 2023, overrideReason: "benchmark" } }),
    );
    // The package is built in a fresh process, so its peak RSS is the package's, not the seeding's.
    const nodeFlags = (process.env.BENCH_CHILD_NODE_FLAGS ?? "").split(" ").filter(Boolean);
    const child = spawnSync(
      process.execPath,
      [
        ...nodeFlags,
        "--import",
        "tsx",
        path.join(import.meta.dirname, "submission-package-child.ts"),
        dbUrl,
        (frozen.result as { id: string }).id,
        path.join(dir, "package.zip"),
      ],
      {
        encoding: "utf8",
        env: process.env,
        maxBuffer: 1 << 20,
      },
    );
    if (child.status !== 0) throw new Error(`package child failed: ${child.stderr}`);
    if (process.env.BENCH_TRACE === "1") process.stderr.write(child.stderr);
    const r = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as Record<string, number>;
    if (r.mismatches !== 0) throw new Error(`verify found ${r.mismatches} mismatches`);
    console.table([
      { step: "freeze (snapshot + pre-flight)", seconds: frozen.seconds, peakRssMb: frozen.peakRssMb },
      {
        step: `package.zip: ${r.zipMb} MB, ${r.files} files (new process, ${r.startRssMb} MB before)`,
        seconds: r.buildSeconds,
        peakRssMb: r.buildPeakRssMb,
      },
      { step: "verify against the manifest", seconds: r.verifySeconds, peakRssMb: r.verifyPeakRssMb },
    ]);
    console.log(
      `  event loop while building: longest stall ${r.loopGapMaxMs} ms, ${r.loopGapsOver100Ms} stalls over 100 ms (what another request would wait)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export default async function submissionPackageBench() {
  process.env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-bench-"));
  const url = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const name = `inovasi_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const app = await appModules();
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = await app.openDatabase({ url: dbUrl.toString(), maxConnections: 5 });
    try {
      await run(app, handle, dbUrl.toString());
    } finally {
      await handle.close();
    }
  } finally {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(process.env.DATA_DIR, { recursive: true, force: true });
  }
}
