import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { igaFrameworks, igaIndicators } from "@/db/schema/iga";
import { seedIgaFrameworks } from "@/seed/iga-frameworks";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { setIndicatorLevel } from "@/lib/iga/assessments";
import { cloneFramework, setFrameworkStatus, updateFramework } from "@/lib/iga/framework-admin";
import { activeYear, getFramework, listFrameworks, loadFramework } from "@/lib/iga/frameworks";
import { loadRuleSet2023 } from "@/lib/iga/iid-2023";
import { loadShippedRuleSet } from "@/lib/iga/rule-set-files";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("IGA frameworks as data (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it("loads the seeded 2023 rule set from the tables, equal to the shipped file, and active", async () => {
    const { framework, ruleSet, indicators } = await loadFramework(handle.db, 2023);
    expect(framework.status).toBe("active");
    expect(ruleSet).toEqual(loadRuleSet2023());
    expect(indicators.filter((i) => i.scope === "region")).toHaveLength(20);
    expect(indicators.filter((i) => i.scope === "innovation")).toHaveLength(20);
    // 2024–2026 ship too, each active: the pages open on the latest.
    expect(await activeYear(handle.db)).toBe(2026);
    const y2026 = await loadFramework(handle.db, 2026);
    expect(y2026.ruleSet).toEqual(loadShippedRuleSet(2026));
    expect(y2026.ruleSet.formula).toMatchObject({ divisorFloor: 12, minBasicServiceAffairs: 5 });
    expect(y2026.ruleSet.sources[0].reference).toBe("400.10.11/1887/BSKDN");
  });

  it("seeds the frameworks only once (prepareDatabase runs at every start)", async () => {
    expect(await seedIgaFrameworks(handle.db)).toBe(false);
    expect((await handle.db.select().from(igaFrameworks)).map((f) => f.year).sort()).toEqual([2023, 2024, 2025, 2026]);
  });

  it("fills in the sources of a year stored before they existed, and leaves an admin's edits alone", async () => {
    await handle.db.update(igaFrameworks).set({ sources: [], parameterStatus: {} }).where(eq(igaFrameworks.year, 2025));
    await handle.db
      .update(igaFrameworks)
      .set({ name: "IID 2024 (edited)", sources: [{ title: "SK", reference: "SK 1", date: "" }] })
      .where(eq(igaFrameworks.year, 2024));
    expect(await seedIgaFrameworks(handle.db)).toBe(true);
    expect((await loadFramework(handle.db, 2025)).ruleSet.sources).toEqual(loadShippedRuleSet(2025).sources);
    const edited = await loadFramework(handle.db, 2024);
    expect([edited.framework.name, edited.ruleSet.sources]).toEqual([
      "IID 2024 (edited)",
      [{ title: "SK", reference: "SK 1", date: "" }],
    ]);
    expect(await seedIgaFrameworks(handle.db)).toBe(false);
  });

  it("lists frameworks for every reader, and 404s a year without one", async () => {
    const list = await listFrameworks({ ctx: await ctxFor(handle.db, "pimpinan@demo.local") });
    expect(list.map((f) => f.year)).toEqual([2026, 2025, 2024, 2023]);
    expect(list.at(-1)).toMatchObject({ year: 2023, status: "active", regionIndicators: 20, innovationIndicators: 20 });
    expect(await caught(loadFramework(handle.db, 1999))).toBeInstanceOf(NotFoundError);
    expect(await caught(listFrameworks({ ctx: await ctxFor(handle.db, null) }))).toMatchObject({ status: 401 });
  });

  it("clones a year into the next as a draft, admin only, once", async () => {
    const bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    expect(await caught(cloneFramework({ ctx: bappeda, input: { fromYear: 2023, toYear: 2027 } }))).toBeInstanceOf(
      ForbiddenError,
    );
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const created = await cloneFramework({ ctx: admin, input: { fromYear: 2023, toYear: 2027 } });
    expect(created.status).toBe("draft");
    expect(created.name).toContain("2027");
    const { ruleSet } = await loadFramework(handle.db, 2027);
    expect(ruleSet.indicators).toEqual(loadRuleSet2023().indicators);
    expect(await caught(cloneFramework({ ctx: admin, input: { fromYear: 2023, toYear: 2027 } }))).toMatchObject({
      code: "iga_framework_exists",
    });
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "iga.framework.clone"), eq(auditLog.entityId, created.id)));
    expect(audit.actorEmail).toBe("admin@demo.local");
  });

  it("edits a draft: weights, a new indicator, categories and formula, validated as a whole and audited", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const current = await getFramework({ ctx: admin, year: 2027 });
    const indicators = current.indicators.map((i) =>
      i.code === "INV-01" ? { ...i, weight: 4, name: "Regulasi inovasi daerah (2027)" } : i,
    );
    const added = {
      code: "INV-21",
      name: "Indikator baru",
      scope: "innovation" as const,
      weight: 1,
      levels: ["a", "b", "c"],
      evidence: "PDF",
      mandatory: true,
    };
    // INV-01 +1 and INV-21 +1 add 6 to the innovation max; maxTotal must follow or the edit is refused.
    const unbalanced = {
      year: 2027,
      version: current.version,
      name: current.name,
      indicators: [...indicators, added],
      categories: current.categories,
      formula: current.formula,
    };
    const refused = await caught(updateFramework({ ctx: admin, input: unbalanced }));
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues.map((i) => [i.path.join("."), i.message])).toContainEqual([
      "formula.maxTotal",
      "v.igaMaxTotal",
    ]);
    expect((await loadFramework(handle.db, 2027)).indicators).toHaveLength(40);

    const categories = [{ name: "Sangat Inovatif", min: 65.01, max: 100 }, ...current.categories.slice(1)];
    const saved = await updateFramework({
      ctx: admin,
      input: { ...unbalanced, categories, formula: { ...current.formula, maxTotal: 256, divisorFloor: 12 } },
    });
    expect(saved.version).toBe(current.version + 1);
    const after = await loadFramework(handle.db, 2027);
    expect(after.indicators).toHaveLength(41);
    expect(after.ruleSet.indicators.find((i) => i.code === "INV-01")).toMatchObject({
      weight: 4,
      name: "Regulasi inovasi daerah (2027)",
    });
    expect(after.ruleSet.formula).toMatchObject({ maxTotal: 256, divisorFloor: 12 });
    expect(after.ruleSet.categories[0].min).toBe(65.01);
    // The 2023 rule set is untouched by edits to its clone.
    expect((await loadFramework(handle.db, 2023)).ruleSet).toEqual(loadRuleSet2023());
    const [audit] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "iga.framework.update"));
    expect(audit.changedFields).toEqual(expect.arrayContaining(["categories", "formula", "indicators"]));

    const balanced = { ...unbalanced, categories, formula: { ...current.formula, maxTotal: 256, divisorFloor: 12 } };
    const stale = await caught(updateFramework({ ctx: admin, input: { ...balanced, version: current.version } }));
    expect(stale).toBeInstanceOf(ConflictError);
  });

  it("refuses duplicate codes and overlapping categories with readable messages", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const current = await getFramework({ ctx: admin, year: 2027 });
    const base = {
      year: 2027,
      version: current.version,
      name: current.name,
      indicators: current.indicators,
      categories: current.categories,
      formula: current.formula,
    };
    const dup = await caught(
      updateFramework({
        ctx: admin,
        input: {
          ...base,
          indicators: [...current.indicators.slice(0, -1), { ...current.indicators.at(-1)!, code: "INV-01" }],
        },
      }),
    );
    expect((dup as ValidationError).issues.map((i) => i.message)).toContain("v.igaDuplicateCode");
    const overlap = await caught(
      updateFramework({
        ctx: admin,
        input: { ...base, categories: [current.categories[0], { ...current.categories[1], max: 70 }] },
      }),
    );
    expect((overlap as ValidationError).issues.map((i) => i.message)).toContain("v.igaCategoryOrder");
  });

  it("refuses to remove or re-scope an indicator that has assessments, and only assesses active years", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    const level = { year: 2027, indicatorCode: "SPD-01", innovationId: null, level: 2, version: 0 };
    expect(await caught(setIndicatorLevel({ ctx: admin, input: level }))).toMatchObject({
      code: "iga_framework_not_active",
    });
    let current = await getFramework({ ctx: admin, year: 2027 });
    await setFrameworkStatus({ ctx: admin, input: { year: 2027, status: "active", version: current.version } });
    await setIndicatorLevel({ ctx: admin, input: level });
    expect(await activeYear(handle.db)).toBe(2027);
    current = await getFramework({ ctx: admin, year: 2027 });
    const spd01 = current.indicators.find((i) => i.code === "SPD-01")!;
    const without = current.indicators.filter((i) => i.code !== "SPD-01");
    const input = {
      year: 2027,
      version: current.version,
      name: current.name,
      categories: current.categories,
      formula: current.formula,
    };
    const removed = await caught(
      updateFramework({ ctx: admin, input: { ...input, indicators: [...without, { ...spd01, code: "SPD-01x" }] } }),
    );
    expect(removed).toMatchObject({ code: "iga_indicator_in_use", params: { code: "SPD-01" } });
    const [row] = await handle.db.select().from(igaIndicators).where(eq(igaIndicators.code, "SPD-01")).limit(1);
    expect(row).toBeDefined();
  });
});
