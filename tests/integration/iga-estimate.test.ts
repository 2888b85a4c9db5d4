import { eq, sql } from "drizzle-orm";
import { innovations } from "@/db/schema/innovations";
import { submissionView } from "@/lib/iga/submission-view";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, rowsOf } from "@/db/client";
import { seedIgaDemo } from "@/seed/iga-demo";
import { addEvidence } from "@/lib/iga/evidence";
import { regionScore, regionScoreWithAccepted, scoreResponse } from "@/lib/iga/region-score";
import { samplePdf } from "@/lib/iga/sample-pdf";
import { computeRawIndex } from "@/lib/iga/score";
import { todoItems, todoList } from "@/lib/iga/todo";
import { listInnovations } from "@/lib/innovations/list-innovations";
import { setInnovationArchived } from "@/lib/innovations/archive-innovation";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

/**
 * The estimate of a fresh demo install, recomputed here straight from the stored rows with plain
 * SQL and the 2023 formula, so the page's number is shown to follow from the levels and evidence.
 */
async function independentIndex(handle: DatabaseHandle): Promise<number> {
  const list = rowsOf<{ scope: string; weight: number; level: number }>(
    await handle.db.execute(sql`
      select i.scope, i.weight::float8 as weight, a.level
      from iga_assessments a
      join iga_indicators i on i.id = a.indicator_id
      join iga_frameworks f on f.id = i.framework_id and f.year = 2023
      left join innovations inv on inv.id = a.innovation_id
      where a.region_code = '18.11' and a.level is not null
        and exists (select 1 from iga_evidence e where e.assessment_id = a.id and e.review_status <> 'needs_work')
        and (a.innovation_id is null or (inv.archived_at is null and exists (
          select 1 from iga_submissions s where s.innovation_id = inv.id and s.year = 2023 and s.status in ('submitted', 'verified'))))
    `),
  );
  const counted = rowsOf<{ n: number }>(
    await handle.db.execute(sql`
      select count(*)::int as n from innovations inv
      join iga_submissions s on s.innovation_id = inv.id and s.year = 2023 and s.status in ('submitted', 'verified')
      where inv.region_code = '18.11' and inv.archived_at is null`),
  );
  const n = Number(counted[0].n);
  const spd = list.filter((r) => r.scope === "region").reduce((s, r) => s + Number(r.weight) * r.level, 0);
  const sidSum = list.filter((r) => r.scope === "innovation").reduce((s, r) => s + Number(r.weight) * r.level, 0);
  return ((spd + sidSum / Math.max(10, n) + Math.min(n, 200) * 0.38) / 250) * 100;
}

describe.each(databaseCases())("IGA estimate from stored data (%s)", (_name, database) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    const seeded = await seedIgaDemo(handle.db, { regionCode: "18.11" });
    expect(seeded.seeded).toBe(true);
  });
  afterAll(() => handle.close());

  it("gives a fresh demo install a believable 2023 estimate that follows from the stored levels and evidence", async () => {
    const pimpinan = await ctxFor(handle.db, "pimpinan@demo.local");
    const score = await regionScore({ ctx: pimpinan, year: 2023 });
    const { result } = score;
    expect(result.innovations).toBeGreaterThanOrEqual(50);
    // Mesuji was "Sangat Inovatif" in 2023: the demo should land in a plausible band, not at 0 or 100.
    expect(result.index).toBeGreaterThan(45);
    expect(result.index).toBeLessThan(90);
    expect(["Sangat Inovatif", "Inovatif"]).toContain(result.category);
    expect(result.spd).toBeGreaterThan(30);
    expect(result.spd).toBeLessThanOrEqual(63);
    expect(result.sid).toBeGreaterThan(30);
    expect(result.sid).toBeLessThan(111);
    expect(result.innovationCountScore).toBeCloseTo(Math.min(result.innovations, 200) * 0.38, 10);
    expect(result.index).toBeCloseTo(await independentIndex(handle), 2);
    // The flagships carry accepted evidence on every indicator, so they rank near the top.
    const ranked = scoreResponse(result).perInnovation;
    expect(ranked.slice(0, 10).map((p) => p.name)).toEqual(expect.arrayContaining(["Payo Beladas", "Pak Kur"]));
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
  });

  it("answers the API shape with components rounded to two decimals", async () => {
    const body = scoreResponse(
      (await regionScore({ ctx: await ctxFor(handle.db, "evaluator@demo.local"), year: 2023 })).result,
    );
    expect(Object.keys(body).sort()).toEqual([
      "assessable",
      "basicServiceAffairs",
      "category",
      "divisor",
      "index",
      "innovationCountScore",
      "innovations",
      "perInnovation",
      "sid",
      "spd",
      "year",
    ]);
    expect(body.year).toBe(2023);
    for (const value of [body.spd, body.sid, body.innovationCountScore, body.index])
      expect(Math.round(value * 100) / 100).toBe(value);
    expect(body.perInnovation[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      score: expect.any(Number),
      max: 111,
    });
  });

  it("gives a stricter figure counting accepted evidence only, equal to the estimate once all is accepted", async () => {
    const pimpinan = await ctxFor(handle.db, "pimpinan@demo.local");
    const estimate = (await regionScore({ ctx: pimpinan, year: 2023 })).result;
    const strict = (await regionScore({ ctx: pimpinan, year: 2023, basis: "accepted" })).result;
    // The demo leaves some evidence pending, so the strict figure is lower but not zero.
    expect(strict.index).toBeLessThan(estimate.index);
    expect(strict.index).toBeGreaterThan(20);
    expect(strict.innovations).toBe(estimate.innovations);
  });

  it("reads the estimate and the accepted-only index once for the IGA page, equal to asking for each", async () => {
    const pimpinan = await ctxFor(handle.db, "pimpinan@demo.local");
    const both = await regionScoreWithAccepted({ ctx: pimpinan, year: 2023 });
    const estimate = await regionScore({ ctx: pimpinan, year: 2023 });
    const strict = await regionScore({ ctx: pimpinan, year: 2023, basis: "accepted" });
    expect(both.result).toEqual(estimate.result);
    expect(both.gains).toEqual(estimate.gains);
    expect(both.assessments).toEqual(estimate.assessments);
    expect(both.accepted).toEqual(strict.result);
    expect(await caught(regionScoreWithAccepted({ ctx: pimpinan, year: 2031 }))).toMatchObject({ status: 404 });
  });

  it("scores the demo's 2026 sample set with max(12, n), the basic-service gate and the 2026 bands", async () => {
    const evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    const { result, loaded } = await regionScore({ ctx: evaluator, year: 2026 });
    // eight submitted innovations: SID divides by the floor of 12, not by 8 (2023's floor would give 10)
    expect([result.innovations, result.divisor]).toEqual([8, 12]);
    const sum = result.perInnovation.reduce((s, p) => s + p.score, 0);
    expect(result.sid).toBeCloseTo(sum / 12, 10);
    // four of the six basic-service affairs: the gate is shut, the count score is 0
    expect(result.basicServiceAffairs).toMatchObject({ required: 5, met: false });
    expect(result.basicServiceAffairs.covered).toHaveLength(4);
    expect(result.innovationCountScore).toBe(0);
    expect(result.index).toBeCloseTo(((result.spd + sum / 12) / 250) * 100, 2);
    const expected = result.index >= 65.01 ? "Sangat Inovatif" : result.index >= 40.01 ? "Inovatif" : "Kurang Inovatif";
    expect(result.category).toBe(expected);
    expect(loaded.ruleSet.categories[0].min).toBe(65.01);
    // "if you submitted today" adds the two ready ones
    expect((await regionScore({ ctx: evaluator, year: 2026, counting: "ready" })).result.innovations).toBe(10);
    // what the demo marks ready passes the ready check; the draft one does not (yet)
    const [ktp] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "KTP-el Jemput Bola Sekolah"));
    const ktpView = await submissionView({ ctx: evaluator, innovationId: ktp.id, year: 2026 });
    expect([ktpView?.status, ktpView?.problems]).toEqual(["ready", []]);
    // 2024 is derived from 2023: a second entry for most of its innovations
    const y2024 = (await regionScore({ ctx: evaluator, year: 2024 })).result;
    expect(y2024.innovations).toBeGreaterThan(40);
    expect(y2024.innovations).toBeLessThan(result.innovations + 90);
  });

  it("sorts the catalogue by maturity, each value the latest assessed year's score over its maximum", async () => {
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const { items } = await listInnovations({ ctx: bappeda, input: { sort: "maturity", dir: "desc", limit: 100 } });
    const values = items.map((i) => i.maturity ?? 0);
    for (let i = 1; i < values.length; i++) expect(values[i - 1]).toBeGreaterThanOrEqual(values[i]);
    expect(values[0]).toBeGreaterThan(0.8);
    expect(values[0]).toBeLessThanOrEqual(1);
    // Payo Beladas was last assessed in 2024 (its second entry): the same figure as the engine's
    const payo = items.find((i) => i.name === "Payo Beladas")!;
    const engine = (await regionScore({ ctx: bappeda, year: 2024 })).result.perInnovation.find(
      (p) => p.id === payo.id,
    )!;
    expect(payo.maturity).toBeCloseTo(engine.score / engine.max, 10);
  });

  it("seeds the demo levels only once", async () => {
    expect((await seedIgaDemo(handle.db, { regionCode: "18.11" })).seeded).toBe(false);
  });

  it("orders the to-do list by index points gained, and links each step to where it is fixed", async () => {
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const { items, total } = await todoList({ ctx: bappeda, year: 2023, limit: 500 });
    expect(total).toBeGreaterThan(50);
    for (let i = 1; i < items.length; i++) expect(items[i - 1].indexGain).toBeGreaterThanOrEqual(items[i].indexGain);
    const region = items.find((i) => i.scope === "region")!;
    expect(region.href).toMatch(/^\/iga\/2023\/region#indicator-SPD-/);
    const innovation = items.find((i) => i.scope === "innovation")!;
    expect(innovation.href).toBe(
      `/innovations/${innovation.innovationId}?tab=indicators&year=2023#indicator-${innovation.indicatorCode}`,
    );
    expect(innovation.innovationName).toBeTruthy();
    expect(innovation.toLevelDescription).toBeTruthy();
    expect((await todoList({ ctx: bappeda, year: 2023, limit: 3 })).items).toHaveLength(3);
  });

  it("changes the to-do list and raises the index by the promised points when the missing evidence is added", async () => {
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const before = await regionScore({ ctx: bappeda, year: 2023 });
    const list = todoItems(before, 1000).items;
    const step = list.find((i) => i.scope === "innovation" && i.missingEvidence && i.fromLevel !== null)!;
    expect(step).toBeDefined();
    await addEvidence({
      ctx: bappeda,
      input: {
        year: 2023,
        indicatorCode: step.indicatorCode,
        innovationId: step.innovationId,
        kind: "file",
        fileName: "bukti.pdf",
        bytes: samplePdf(["Bukti baru", step.indicatorName]),
      },
    });
    const after = await regionScore({ ctx: bappeda, year: 2023 });
    const afterList = todoItems(after, 1000).items;
    const same = (i: typeof step) => i.innovationId === step.innovationId && i.indicatorCode === step.indicatorCode;
    const next = afterList.find(same);
    // The step is done: either the indicator is full, or its next step is now a higher level.
    if (next) expect(next).toMatchObject({ missingEvidence: false, fromLevel: step.toLevel });
    expect(afterList.filter((i) => same(i) && i.missingEvidence)).toHaveLength(0);
    const rawBefore = computeRawIndex(before.loaded.ruleSet, before.input);
    const rawAfter = computeRawIndex(after.loaded.ruleSet, after.input);
    expect(rawAfter - rawBefore).toBeCloseTo(step.indexGain, 10);
  });

  it("stops counting an archived innovation: n, the count score and the to-do list follow", async () => {
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    const before = await regionScore({ ctx: bappeda, year: 2023 });
    const victim = before.innovations.find((i) => i.name !== "Payo Beladas" && i.name !== "Pak Kur")!;
    await setInnovationArchived({ ctx: bappeda, input: { id: victim.id, archived: true } });
    const after = await regionScore({ ctx: bappeda, year: 2023 });
    expect(after.result.innovations).toBe(before.result.innovations - 1);
    expect(after.result.innovationCountScore).toBeCloseTo(before.result.innovationCountScore - 0.38, 10);
    expect(after.gains.some((g) => g.innovationId === victim.id)).toBe(false);
    expect(after.result.index).toBeCloseTo(await independentIndex(handle), 2);
  });

  it("refuses readers without a session and a year without a framework", async () => {
    expect(await caught(regionScore({ ctx: await ctxFor(handle.db, null), year: 2023 }))).toMatchObject({
      status: 401,
    });
    expect(
      await caught(regionScore({ ctx: await ctxFor(handle.db, "pimpinan@demo.local"), year: 2031 })),
    ).toMatchObject({ status: 404 });
  });
});
