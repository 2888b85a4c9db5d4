import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { igaAssessments } from "@/db/schema/iga";
import { seedIgaDemo } from "@/seed/iga-demo";
import type { Ctx } from "@/lib/auth/context";
import { regionScoreWithAccepted } from "@/lib/iga/region-score";
import { whatIfBase } from "@/lib/iga/what-if";
import { EMPTY_SCRATCH, levelKey, REGION, whatIfScore } from "@/lib/iga/what-if-score";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("IGA what-if (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let leader: Ctx;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
    leader = await ctxFor(handle.db, "pimpinan@demo.local");
  }, 240_000);
  afterAll(() => handle.close());

  it("starts from the page's estimate: with no change the what-if gives the same index, for 2023 and 2026", async () => {
    for (const year of [2023, 2026]) {
      const base = await whatIfBase({ ctx: leader, year });
      const page = await regionScoreWithAccepted({ ctx: leader, year });
      const same = whatIfScore(base, EMPTY_SCRATCH);
      expect(same.index, String(year)).toBe(page.result.index);
      expect(same.innovations).toBe(page.result.innovations);
      // Drafts are offered too, switched off.
      expect(base.innovations.filter((i) => !i.counted).every((i) => ["draft", "returned"].includes(i.status))).toBe(
        true,
      );
    }
  });

  it("moves the index with the scratch copy and stores nothing", async () => {
    const assessmentsBefore = (await handle.db.select({ n: count() }).from(igaAssessments))[0].n;
    const base = await whatIfBase({ ctx: leader, year: 2026 });
    const now = whatIfScore(base, EMPTY_SCRATCH);
    expect(now.basicServiceAffairs).toMatchObject({ required: 5, met: false });
    expect(now.innovationCountScore).toBe(0);

    // 2026's gate: one more innovation in urusan sosial opens the count score.
    const withSosial = whatIfScore(base, {
      ...EMPTY_SCRATCH,
      imagined: [{ key: "new-1", name: "Inovasi sosial baru", affair: "sosial" }],
    });
    expect(withSosial.basicServiceAffairs.met).toBe(true);
    expect(withSosial.innovationCountScore).toBeGreaterThan(0);
    expect(withSosial.index).toBeGreaterThan(now.index);

    // A region indicator raised to level 3 adds its weight × the levels gained.
    const regionIndicator = base.ruleSet.indicators.find((i) => i.scope === "region")!;
    const raised = whatIfScore(base, { ...EMPTY_SCRATCH, levels: { [levelKey(REGION, regionIndicator.code)]: 3 } });
    const stored = base.region.find((a) => a.code === regionIndicator.code);
    const before = stored?.level && stored.hasEvidence ? stored.level : 0;
    expect(raised.spd - now.spd).toBeCloseTo(regionIndicator.weight * (3 - before), 9);

    // Every innovation switched off: nothing reported, "Tidak Dapat Dinilai" whatever the SPD.
    const none = whatIfScore(base, {
      ...EMPTY_SCRATCH,
      include: Object.fromEntries(base.innovations.map((i) => [i.id, false])),
    });
    expect(none).toMatchObject({ innovations: 0, index: 0, assessable: false, category: "Tidak Dapat Dinilai" });

    expect((await handle.db.select({ n: count() }).from(igaAssessments))[0].n).toBe(assessmentsBefore);
  });

  it("is for signed-in roles that read the IGA: anonymous 401", async () => {
    expect(await caught(whatIfBase({ ctx: await ctxFor(handle.db, null), year: 2023 }))).toMatchObject({ status: 401 });
    expect(
      (await whatIfBase({ ctx: await ctxFor(handle.db, "opd@demo.local"), year: 2023 })).innovations.length,
    ).toBeGreaterThan(50);
  });
});
