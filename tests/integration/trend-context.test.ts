import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { UnauthenticatedError } from "@/lib/errors";
import { regionScoreWithAccepted } from "@/lib/iga/region-score";
import { trendEstimate, trendRuleSets } from "@/lib/trends/trend-context";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

/* What the trend charts draw around the results: each year's bands and the IGA page's estimate. */

describe.each(databaseCases())("IGA trend bands and estimate (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it("reads each rule set's category bands, which moved over the years", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const sets = await trendRuleSets({ ctx });
    expect(sets.map((s) => s.year)).toEqual([2023, 2024, 2025, 2026]);
    const top = (year: number) =>
      sets.find((s) => s.year === year)?.categories.find((c) => c.name === "Sangat Inovatif")?.min;
    expect([top(2023), top(2025)]).toEqual([60.01, 65.01]);
    expect(await caught(trendRuleSets({ ctx: await ctxFor(handle.db, null) }))).toBeInstanceOf(UnauthenticatedError);
  });

  it("estimates the calendar year when it has a rule set, else the IGA page's year, with the page's figure", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const page = await regionScoreWithAccepted({ ctx, year: 2024 });
    expect(await trendEstimate({ ctx, now: new Date("2024-06-01T00:00:00Z") })).toEqual({
      year: 2024,
      index: page.result.index,
      category: page.result.category,
    });
    // 2031 has no rule set: the latest active year (the one /iga opens on) is estimated instead.
    expect((await trendEstimate({ ctx, now: new Date("2031-01-15T00:00:00Z") }))?.year).toBe(2026);
  });
});
