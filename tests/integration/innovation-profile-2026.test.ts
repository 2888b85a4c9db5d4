import ExcelJS from "exceljs";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { innovations } from "@/db/schema/innovations";
import type { Ctx } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import { cloneFramework, updateFramework } from "@/lib/iga/framework-admin";
import { getFramework, loadFramework } from "@/lib/iga/frameworks";
import { createInnovation } from "@/lib/innovations/create-innovation";
import { todayWib } from "@/lib/innovations/profile-2026";
import { updateInnovation } from "@/lib/innovations/update-innovation";
import { compareSnapshots } from "@/lib/submissions/compare";
import { submissionWorkbook } from "@/lib/submissions/package/xlsx";
import { runPreflight } from "@/lib/submissions/preflight";
import { preflightProblems } from "@/lib/submissions/preflight-rules";
import { readLiveContent } from "@/lib/submissions/read-live";
import { seedIgaDemo } from "@/seed/iga-demo";
import { agencyIdByCode, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

const PROFILE_2026 = {
  classification: "orisinal",
  latitude: -4.0123456,
  longitude: 105.4,
  astaCita: 6,
  priorityCluster: "pengentasan_kemiskinan",
  latestDevelopmentDate: "2026-01-15",
} as const;

/** The `v.*` codes of a validation error, by field. */
async function issuesOf(run: Promise<unknown>) {
  const error = await caught(run);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues.map((i) => [i.path.join("."), i.message]);
}

describe.each(databaseCases())("the 2026 innovation profile (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let bappeda: Ctx;
  let evaluator: Ctx;
  let dinsos: string;
  let sentId: string;

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
    bappeda = await ctxFor(handle.db, "bappeda@demo.local");
    evaluator = await ctxFor(handle.db, "evaluator@demo.local");
    dinsos = await agencyIdByCode(handle.db, "DINSOS");
  });
  afterAll(() => handle.close());

  it("stores the fields on create, from a form's text as from JSON numbers", async () => {
    const row = await createInnovation({
      ctx: bappeda,
      input: {
        name: "Profil 2026 Uji",
        agencyId: dinsos,
        stage: "penerapan",
        yearApplied: 2025,
        ...PROFILE_2026,
        // A form posts text: coerced to numbers, degrees kept to 6 decimals as the column stores them.
        latitude: "-4.0123456",
        astaCita: "6",
      },
    });
    expect(row).toMatchObject({ ...PROFILE_2026, latitude: -4.012346 });
    const [stored] = await handle.db.select().from(innovations).where(eq(innovations.id, row.id));
    expect(stored).toMatchObject({ ...PROFILE_2026, latitude: -4.012346, longitude: 105.4 });
    const [audit] = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, "innovation"), eq(auditLog.entityId, row.id)));
    expect(audit.after).toMatchObject({ classification: "orisinal", astaCita: 6 });
  });

  it("refuses values outside their ranges and lists, a lone coordinate and a future date", async () => {
    const base = { name: "Profil 2026 Salah", agencyId: dinsos, stage: "inisiatif", yearApplied: 2026 };
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000);
    expect(
      await issuesOf(
        createInnovation({
          ctx: bappeda,
          input: {
            ...base,
            classification: "entah",
            latitude: 91,
            longitude: -180.5,
            astaCita: 9,
            priorityCluster: "bukan_klaster",
            latestDevelopmentDate: todayWib(tomorrow),
          },
        }),
      ),
    ).toEqual([
      ["classification", "v.choice"],
      ["latitude", "v.latitude"],
      ["longitude", "v.longitude"],
      ["astaCita", "v.astaCita"],
      ["priorityCluster", "v.choice"],
      ["latestDevelopmentDate", "v.futureDate"],
    ]);
    expect(await issuesOf(createInnovation({ ctx: bappeda, input: { ...base, latitude: -4 } }))).toEqual([
      ["longitude", "v.coordinatesPair"],
    ]);
    // Nothing was written.
    const written = await handle.db.select().from(innovations).where(eq(innovations.name, "Profil 2026 Salah"));
    expect(written).toEqual([]);
  });

  it("updates, keeps the pair rule across a partial edit, and clears both degrees together", async () => {
    const row = await createInnovation({
      ctx: bappeda,
      input: { name: "Profil 2026 Ubah", agencyId: dinsos, stage: "uji_coba", yearApplied: 2025 },
    });
    expect(row).toMatchObject({ classification: null, latitude: null, astaCita: null, latestDevelopmentDate: null });
    // Only the latitude sent while no longitude is stored: refused, nothing changes.
    // The issue names the half that is missing.
    expect(
      await issuesOf(updateInnovation({ ctx: bappeda, input: { id: row.id, version: 1, latitude: -4.1 } })),
    ).toEqual([["longitude", "v.coordinatesPair"]]);
    const v2 = await updateInnovation({ ctx: bappeda, input: { id: row.id, version: 1, ...PROFILE_2026 } });
    expect(v2).toMatchObject({ ...PROFILE_2026, latitude: -4.012346, version: 2 });
    // Moving only the latitude keeps the stored longitude: allowed.
    const v3 = await updateInnovation({ ctx: bappeda, input: { id: row.id, version: 2, latitude: -3.95 } });
    expect(v3).toMatchObject({ latitude: -3.95, longitude: 105.4 });
    // Clearing one alone is refused; both together are fine.
    expect(
      await issuesOf(updateInnovation({ ctx: bappeda, input: { id: row.id, version: 3, longitude: null } })),
    ).toEqual([["longitude", "v.coordinatesPair"]]);
    const v4 = await updateInnovation({
      ctx: bappeda,
      input: { id: row.id, version: 3, latitude: null, longitude: null, astaCita: null },
    });
    expect(v4).toMatchObject({ latitude: null, longitude: null, astaCita: null, classification: "orisinal" });
  });

  it("the database refuses a lone coordinate or an Asta Cita outside 1–8 written around the use cases", async () => {
    const [any] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(isNull(innovations.latitude))
      .limit(1);
    await expect(
      handle.db.update(innovations).set({ latitude: -4 }).where(eq(innovations.id, any.id)),
    ).rejects.toThrow();
    await expect(
      handle.db.update(innovations).set({ astaCita: 0 }).where(eq(innovations.id, any.id)),
    ).rejects.toThrow();
  });

  it("2026's pre-flight asks for the fields (rule set data), with a link to the form's section; 2025's does not", async () => {
    const content = await readLiveContent(evaluator, 2026);
    expect(content.ruleSet.formula.requiredProfileFields).toEqual([
      "classification",
      "coordinates",
      "astaCita",
      "priorityCluster",
      "latestDevelopmentDate",
    ]);
    const sent = content.innovations.find((i) => i.profile.classification === null)!;
    expect(sent).toBeDefined();
    sentId = sent.id;
    // The same content under the 2025 rules (which list no profile fields) asks for nothing.
    const y2025 = await readLiveContent(evaluator, 2025);
    expect(y2025.ruleSet.formula.requiredProfileFields).toEqual([]);
    const as2025 = preflightProblems({ ...content, year: 2025, ruleSet: y2025.ruleSet });
    expect(as2025.map((p) => p.code)).not.toContain("profile_2026_missing");
    expect((await runPreflight({ ctx: evaluator, year: 2025 })).problems.map((p) => p.code)).not.toContain(
      "profile_2026_missing",
    );
    // The rule reads the rule set, not the year: a 2025 set that listed a field would ask for it.
    const asked = preflightProblems({
      ...content,
      year: 2025,
      ruleSet: { ...y2025.ruleSet, formula: { ...y2025.ruleSet.formula, requiredProfileFields: ["astaCita"] } },
    });
    expect(asked.find((p) => p.code === "profile_2026_missing" && p.innovationId === sent.id)?.detail).toBe("astaCita");

    const before = await runPreflight({ ctx: evaluator, year: 2026 });
    expect(before.problems.find((p) => p.code === "profile_2026_missing" && p.innovationId === sent.id)).toEqual({
      code: "profile_2026_missing",
      innovationId: sent.id,
      innovationName: sent.profile.name,
      indicatorCode: null,
      detail: "classification, coordinates, astaCita, priorityCluster, latestDevelopmentDate",
      href: `/innovations/${sent.id}/edit#profil-2026`,
    });

    // Filled in part: only what is still missing is listed.
    const [{ version }] = await handle.db
      .select({ version: innovations.version })
      .from(innovations)
      .where(eq(innovations.id, sent.id));
    await updateInnovation({
      ctx: bappeda,
      input: { id: sent.id, version, ...PROFILE_2026, latitude: null, longitude: null },
    });
    const partial = await runPreflight({ ctx: evaluator, year: 2026 });
    expect(partial.problems.find((p) => p.code === "profile_2026_missing" && p.innovationId === sent.id)?.detail).toBe(
      "coordinates",
    );
    await updateInnovation({ ctx: bappeda, input: { id: sent.id, version: version + 1, ...PROFILE_2026 } });
    const after = await runPreflight({ ctx: evaluator, year: 2026 });
    expect(after.problems.some((p) => p.code === "profile_2026_missing" && p.innovationId === sent.id)).toBe(false);
  });

  it("the snapshot content and submission.xlsx carry the fields; an older snapshot without them shows no change", async () => {
    const content = await readLiveContent(evaluator, 2026);
    const filled = content.innovations.find((i) => i.id === sentId)!;
    expect(filled.profile).toMatchObject({ ...PROFILE_2026, latitude: -4.012346 });

    const bytes = await submissionWorkbook(content, { id: "x", sha256: "0".repeat(64), createdAt: new Date() });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet("Profil Inovasi")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(
      expect.arrayContaining([
        "Klasifikasi inovasi",
        "Lintang (derajat)",
        "Bujur (derajat)",
        "Prioritas Asta Cita",
        "Klaster prioritas nasional",
        "Tanggal perkembangan terakhir",
      ]),
    );
    const row = sheet.getRow(filled.no + 1);
    const cell = (h: string) => row.getCell(header.indexOf(h) + 1).value;
    expect(cell("Lintang (derajat)")).toBe(-4.012346);
    expect(cell("Prioritas Asta Cita")).toMatch(/^Asta Cita 6 — Membangun dari desa/);
    expect(cell("Klaster prioritas nasional")).toBe("Pengentasan kemiskinan dan perlindungan sosial");

    // A snapshot frozen before the 2026 profile existed has no such keys: not reported as changed.
    const old = structuredClone(content);
    for (const i of old.innovations) {
      if (i.id === filled.id) continue;
      for (const k of Object.keys(PROFILE_2026)) delete (i.profile as unknown as Record<string, unknown>)[k];
    }
    const changed = compareSnapshots(old, content).profiles;
    expect(changed.map((p) => p.id)).toEqual([]);

    // Rules that ask for none, and no values sent (a year before 2026): the workbook has no 2026 columns.
    const y2025 = await readLiveContent(evaluator, 2025);
    const blank = {
      classification: null,
      latitude: null,
      longitude: null,
      astaCita: null,
      priorityCluster: null,
      latestDevelopmentDate: null,
    };
    const before2026 = {
      ...content,
      year: 2025,
      ruleSet: y2025.ruleSet,
      innovations: content.innovations.map((i) => ({ ...i, profile: { ...i.profile, ...blank } })),
    };
    const wb25 = new ExcelJS.Workbook();
    await wb25.xlsx.load(
      (await submissionWorkbook(before2026, {
        id: "y",
        sha256: "0".repeat(64),
        createdAt: new Date(),
      })) as unknown as ExcelJS.Buffer,
    );
    const header25 = (wb25.getWorksheet("Profil Inovasi")!.getRow(1).values as unknown[]).slice(1);
    expect(header25).toContain("Tahun penerapan (dilaporkan)");
    expect(header25).not.toContain("Klasifikasi inovasi");
  });

  it("a year cloned from 2026 keeps asking for the fields; an edit that does not send the list keeps it", async () => {
    const admin = await ctxFor(handle.db, "admin@demo.local");
    await cloneFramework({ ctx: admin, input: { fromYear: 2026, toYear: 2027 } });
    const required = (await loadFramework(handle.db, 2027)).ruleSet.formula.requiredProfileFields;
    expect(required).toHaveLength(5);
    const current = await getFramework({ ctx: admin, year: 2027 });
    const { requiredProfileFields: _left, ...formula } = current.formula;
    await updateFramework({
      ctx: admin,
      input: {
        year: 2027,
        version: current.version,
        name: current.name,
        indicators: current.indicators,
        categories: current.categories,
        formula,
      },
    });
    expect((await loadFramework(handle.db, 2027)).ruleSet.formula.requiredProfileFields).toEqual(required);
    // Sent empty, the list is cleared: the rule is data the framework editor owns.
    const next = await getFramework({ ctx: admin, year: 2027 });
    await updateFramework({
      ctx: admin,
      input: { ...next, year: 2027, formula: { ...next.formula, requiredProfileFields: [] } },
    });
    expect((await loadFramework(handle.db, 2027)).ruleSet.formula.requiredProfileFields).toEqual([]);
  });
});
