/**
 * The measured half of the submission-package benchmark, in its own process so its peak RSS is
 * the package's alone (not the seeding's): `tsx submission-package-child.ts <db url> <snapshot id> <out.zip>`.
 * Streams the package to the file, verifies it, and prints one JSON line of timings and memory.
 */
import fs from "node:fs";
import { performance } from "node:perf_hooks";
import { pipeline } from "node:stream/promises";
import { eq } from "drizzle-orm";

const [url, id, out] = process.argv.slice(2);
const { openDatabase } = await import("@/db/client");
const { users } = await import("@/db/schema/users");
const { actorFromUser } = await import("@/lib/users/actor");
const { getSubmission } = await import("@/lib/submissions/queries");
const { buildPackage } = await import("@/lib/submissions/package/zip");
const { checkPackage } = await import("@/lib/submissions/verify");

let peak = process.memoryUsage().rss;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const mb = (x: number) => Math.round(x / 1024 / 1024);
const handle = await openDatabase({ url, maxConnections: 2 });
try {
  const [user] = await handle.db.select().from(users).where(eq(users.email, "evaluator@demo.local"));
  const ctx = { db: handle.db, actor: actorFromUser(user), requestId: "bench" };
  const snapshot = await getSubmission({ ctx, year: 2023, id });
  const startRss = process.memoryUsage().rss;
  // How long other requests would wait while the package builds (PDF layout runs in a worker):
  // the longest gap between ticks of a 5 ms timer, and how many ticks waited over 100 ms.
  let last = performance.now();
  let maxGap = 0;
  let longGaps = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    if (now - last > 100) longGaps++;
    last = now;
  }, 5);
  let start = performance.now();
  const trace = process.env.BENCH_TRACE === "1";
  const onProgress = ({ done }: { done: number }) => {
    if (trace && (done <= 3 || done % 200 === 0))
      console.error(
        `after ${done} files: ${mb(process.memoryUsage().rss)} MB RSS, heap ${mb(process.memoryUsage().heapUsed)} MB`,
      );
  };
  await pipeline(
    buildPackage(handle.db, snapshot, { regionName: "Kabupaten Mesuji" }, onProgress),
    fs.createWriteStream(out),
  );
  const buildSeconds = (performance.now() - start) / 1000;
  clearInterval(tick);
  const buildPeak = Math.max(peak, process.memoryUsage().rss);
  peak = process.memoryUsage().rss;
  start = performance.now();
  const check = await checkPackage(out);
  const verifySeconds = (performance.now() - start) / 1000;
  const verifyPeak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    JSON.stringify({
      startRssMb: mb(startRss),
      buildSeconds: Math.round(buildSeconds * 10) / 10,
      buildPeakRssMb: mb(buildPeak),
      loopGapMaxMs: Math.round(maxGap),
      loopGapsOver100Ms: longGaps,
      zipMb: mb(fs.statSync(out).size),
      files: check.files,
      mismatches: check.mismatches.length,
      verifySeconds: Math.round(verifySeconds * 10) / 10,
      verifyPeakRssMb: mb(verifyPeak),
    }),
  );
} finally {
  clearInterval(timer);
  await handle.close();
}
