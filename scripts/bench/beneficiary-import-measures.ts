import type { Ctx } from "@/lib/auth/context";
import { crossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { innovationImpact } from "@/lib/beneficiaries/impact";
import { leaderImpact } from "@/lib/dashboard/impact-summary";

/* How the beneficiary-import benchmark measures: a run's time and peak RSS, and the reads over its records. */

export interface Measure {
  seconds: number;
  peakRssMb: number;
}

export async function measure<T>(run: () => Promise<T>): Promise<Measure & { result: T }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  try {
    const result = await run();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * Reading the aggregates over the imported records, in milliseconds: each the first time
 * (computed) and again (from the aggregate cache, best of three).
 */
export interface ReadTimings {
  impactMs: number;
  impactCachedMs: number;
  impactYearMs: number;
  crossProgrammeMs: number;
  crossProgrammeCachedMs: number;
  leaderHomeMs: number;
  leaderHomeCachedMs: number;
}

/** What the beneficiaries tab, the residents page and the leader's home cost over the imported records. */
export async function readTimings(ctx: Ctx, innovationId: string): Promise<ReadTimings> {
  const best = async (run: () => Promise<unknown>) => {
    let ms = Infinity;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      await run();
      ms = Math.min(ms, performance.now() - start);
    }
    return Math.round(ms);
  };
  const once = async (run: () => Promise<unknown>) => {
    const start = performance.now();
    await run();
    return Math.round(performance.now() - start);
  };
  return {
    impactMs: await once(() => innovationImpact({ ctx, innovationId })),
    impactCachedMs: await best(() => innovationImpact({ ctx, innovationId })),
    impactYearMs: await once(() => innovationImpact({ ctx, innovationId, query: { year: 2024 } })),
    crossProgrammeMs: await once(() => crossProgrammeSummary({ ctx })),
    crossProgrammeCachedMs: await best(() => crossProgrammeSummary({ ctx })),
    leaderHomeMs: await once(() => leaderImpact({ ctx })),
    leaderHomeCachedMs: await best(() => leaderImpact({ ctx })),
  };
}
