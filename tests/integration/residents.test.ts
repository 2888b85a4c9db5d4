import { and, count, eq, isNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { importBatches, residents, serviceRecords } from "@/db/schema/beneficiaries";
import { DEMO_SHARED_NIK, seedBeneficiariesDemo } from "@/seed/beneficiaries-demo";
import { innovations } from "@/db/schema/innovations";
import { crossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { lookupResident } from "@/lib/beneficiaries/lookup";
import { homeSummary } from "@/lib/dashboard/home-summary";
import { leaderImpact, monthsBefore } from "@/lib/dashboard/impact-summary";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import {
  installTestNikKeys,
  NIK,
  openHandMadeDatabase,
  storeServiceRecords,
} from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

const SIXTEEN_DIGITS = /\d{16}/;

describe.each(databaseCases())("resident look-up across programmes (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let ids: { payo: string; pakKur: string };
  const lookupAudits = () => handle.db.select().from(auditLog).where(eq(auditLog.action, "resident.lookup"));

  beforeAll(async () => {
    ({ handle, ids } = await openHandMadeDatabase(database));
  });
  afterAll(() => handle.close());

  it("stores residents once, keyed by the HMAC, with neither NIK nor name in the clear", async () => {
    const rows = await handle.db.select().from(residents);
    expect(rows).toHaveLength(4);
    const text = JSON.stringify(rows);
    for (const nik of Object.values(NIK)) expect(text).not.toContain(nik);
    expect(text).not.toContain("Siti Aminah");
  });

  it("finds one resident across both innovations, with every service, masked NIK and derived facts", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const result = await lookupResident({ ctx, input: { nik: ` ${NIK.A} ` } });
    expect(result.found).toBe(true);
    expect(result.maskedNik).toBe("181101******0001");
    expect(result.resident).toMatchObject({ sex: "P", area: { code: "181101", kecamatan: "Mesuji" } });
    expect(result.programmes.map((p) => [p.innovationName, p.records, p.amount]).sort()).toEqual([
      ["Pak Kur", 1, 25_000_000],
      ["Payo Beladas", 2, null],
    ]);
    expect(result.services.map((s) => [s.serviceDate, s.innovationName, s.serviceType, s.desaName])).toEqual([
      ["2023-06-01", "Pak Kur", "Akad KUR Mikro", "Wiralaga I"],
      ["2023-02-05", "Payo Beladas", "Kartu Keluarga", "Wiralaga I"],
      ["2023-01-10", "Payo Beladas", "Perekaman KTP-el", "Wiralaga I"],
    ]);
    expect(result.services[0].kecamatanName).toBe("Mesuji");
    expect(result.services.map((s) => s.channel)).toEqual([null, null, "loket_desa"]);
    expect(result.totalRecords).toBe(3);
    expect(result.truncated).toBe(false);
    // Nothing in the answer carries the NIK or the name.
    expect(JSON.stringify(result)).not.toMatch(SIXTEEN_DIGITS);
    expect(JSON.stringify(result)).not.toContain("Siti");
    expect(result.programmes.map((p) => p.innovationId).sort()).toEqual([ids.payo, ids.pakKur].sort());
  });

  it("audits every look-up, found or not, by resident id or not_found and never with the NIK", async () => {
    const ctx = await ctxFor(handle.db, "admin@demo.local");
    const before = (await lookupAudits()).length;
    const found = await lookupResident({ ctx, input: { nik: NIK.B } });
    const missing = await lookupResident({ ctx, input: { nik: "1811015505950009" } });
    expect(found.found).toBe(true);
    expect(missing).toMatchObject({ found: false, maskedNik: "181101******0009", programmes: [], services: [] });
    const audits = await lookupAudits();
    expect(audits).toHaveLength(before + 2);
    const [a, b] = audits.slice(-2);
    expect(a).toMatchObject({
      entity: "resident",
      entityId: found.resident!.id,
      actorEmail: "admin@demo.local",
      after: { result: "found", programmes: 2, records: 3 },
    });
    expect(b).toMatchObject({ entity: "resident", entityId: null, after: { result: "not_found" } });
    const all = JSON.stringify(await handle.db.select().from(auditLog));
    expect(all).not.toMatch(SIXTEEN_DIGITS);
    for (const nik of [...Object.values(NIK), "1811015505950009"]) expect(all).not.toContain(nik);
  });

  it("refuses an invalid NIK with lib/nik's specific code, auditing nothing", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const before = (await lookupAudits()).length;
    for (const [nik, code] of [
      ["1.81101E+15", "nik_excel_damaged"],
      ["181101450190000", "nik_excel_damaged"],
      ["18110145019000011", "nik_length"],
      ["1811019901900001", "nik_bad_date"],
      ["1811014501900000", "nik_bad_serial"],
      ["", "nik_missing"],
    ] as const) {
      const error = await caught(lookupResident({ ctx, input: { nik } }));
      expect(error, nik).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).issues).toEqual([
        expect.objectContaining({ path: ["nik"], message: `v.nik.${code}` }),
      ]);
      expect(JSON.stringify((error as ValidationError).issues)).not.toContain("18110145");
    }
    expect(await lookupAudits()).toHaveLength(before);
  });

  it("is for admin and Bappeda only", async () => {
    for (const email of ["pimpinan@demo.local", "evaluator@demo.local", "opd@demo.local"]) {
      const ctx = await ctxFor(handle.db, email);
      expect(await caught(lookupResident({ ctx, input: { nik: NIK.A } })), email).toBeInstanceOf(ForbiddenError);
    }
  });

  it("counts residents reached by several programmes and the combinations, aggregates only", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const all = await crossProgrammeSummary({ ctx });
    expect(all).toMatchObject({ residents: 4, multiProgramme: 2 });
    expect(all.byProgrammeCount).toEqual([
      { programmes: 1, residents: 2 },
      { programmes: 2, residents: 2 },
      { programmes: 3, residents: 0 },
      { programmes: 4, residents: 0 },
    ]);
    expect(all.combinations).toEqual([
      {
        innovations: [
          { id: ids.pakKur, name: "Pak Kur" },
          { id: ids.payo, name: "Payo Beladas" },
        ],
        residents: 2,
      },
    ]);
    const y2024 = await crossProgrammeSummary({ ctx, query: { year: "2024" } });
    expect(y2024).toMatchObject({ residents: 1, multiProgramme: 0, combinations: [] });
  });

  it("gives the leader's home page per-innovation, per-month and cross-programme figures without any NIK", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const summary = await leaderImpact({ ctx });
    expect(summary).toMatchObject({ residents: 4, records: 8 });
    expect(summary.topInnovations.map((t) => [t.name, t.residents, t.records])).toEqual([
      ["Payo Beladas", 4, 5],
      ["Pak Kur", 2, 3],
    ]);
    expect(summary.byMonth).toEqual([
      { month: "2023-01", records: 2, residents: 2 },
      { month: "2023-02", records: 2, residents: 2 },
      { month: "2023-06", records: 2, residents: 2 },
      { month: "2023-07", records: 1, residents: 1 },
      { month: "2024-03", records: 1, residents: 1 },
    ]);
    expect(summary.crossProgramme.multiProgramme).toBe(2);
    // The monthly series reaches 36 months back from the latest month with data.
    expect(monthsBefore("2024-03-01", 35)).toBe("2021-04-01");
    expect(monthsBefore("2024-01-31", 1)).toBe("2023-12-01");
    const text = JSON.stringify(summary);
    expect(text).not.toMatch(SIXTEEN_DIGITS);
    expect(text).not.toMatch(/Siti|Budi|Citra|Darmo/);
  });

  it("counts a record older than the 36-month window in the total but not in the monthly series", async () => {
    await storeServiceRecords(handle.db, ids.payo, [
      { nik: "1811010101700005", date: "2019-01-15", type: "Perekaman KTP-el" },
    ]);
    const summary = await leaderImpact({ ctx: await ctxFor(handle.db, "pimpinan@demo.local") });
    expect(summary).toMatchObject({ residents: 5, records: 9 });
    expect(summary.byMonth.map((m) => m.month)).toEqual(["2023-01", "2023-02", "2023-06", "2023-07", "2024-03"]);
  });

  it("keeps the leader's figures until the records change, but always shows an innovation's current name", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const before = await leaderImpact({ ctx });
    await handle.db.update(innovations).set({ name: "Pak Kur Plus" }).where(eq(innovations.id, ids.pakKur));
    try {
      const renamed = await leaderImpact({ ctx });
      expect(renamed.topInnovations.map((t) => t.name)).toEqual(["Payo Beladas", "Pak Kur Plus"]);
      expect(renamed.byMonth).toEqual(before.byMonth);
      expect((await crossProgrammeSummary({ ctx })).combinations[0].innovations.map((i) => i.name).sort()).toEqual([
        "Pak Kur Plus",
        "Payo Beladas",
      ]);
    } finally {
      await handle.db.update(innovations).set({ name: "Pak Kur" }).where(eq(innovations.id, ids.pakKur));
    }
  });

  it("gives the home page's headline counts: every stage and the samples, or the agency's own", async () => {
    const live = and(eq(innovations.regionCode, "18.11"), isNull(innovations.archivedAt));
    const [{ all, samples }] = await handle.db
      .select({ all: count(), samples: count(sql`case when ${innovations.isSample} then 1 end`) })
      .from(innovations)
      .where(live);
    const admin = await homeSummary({ ctx: await ctxFor(handle.db, "admin@demo.local") });
    expect(admin).toMatchObject({ total: all, samples, scopedToAgency: false });
    expect(Object.values(admin.stages).reduce((a, b) => a + b, 0)).toBe(all);
    expect(samples).toBeGreaterThan(0);
    const opdCtx = await ctxFor(handle.db, "opd@demo.local");
    const [{ own }] = await handle.db
      .select({ own: count() })
      .from(innovations)
      .where(and(live, eq(innovations.agencyId, opdCtx.actor!.agencyId!)));
    expect(await homeSummary({ ctx: opdCtx })).toMatchObject({ total: own, scopedToAgency: true });
  });
});

describe.each(databaseCases())("sample beneficiaries of the demo (%s)", (_name, database) => {
  let handle: DatabaseHandle;

  beforeAll(async () => {
    installTestNikKeys();
    handle = await database.open();
    await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it("seeds ~300 residents and ~1,000 records once, encrypted, in batches flagged as sample", async () => {
    const first = await seedBeneficiariesDemo(handle.db, { regionCode: "18.11" });
    expect(first.seeded).toBe(true);
    expect(first.residents).toBe(300);
    expect(first.records).toBeGreaterThan(900);
    expect(first.records).toBeLessThan(1200);
    expect(await seedBeneficiariesDemo(handle.db, { regionCode: "18.11" })).toMatchObject({ seeded: false });
    const batches = await handle.db.select().from(importBatches);
    expect(batches).toHaveLength(2);
    expect(batches.every((b) => b.report?.sample === true)).toBe(true);
    const [{ n }] = await handle.db.select({ n: count() }).from(serviceRecords);
    expect(n).toBe(first.records);
    expect(JSON.stringify(await handle.db.select().from(residents))).not.toContain(DEMO_SHARED_NIK);
  });

  it("has about 40 residents served by both flagships, the documented one among them", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const cross = await crossProgrammeSummary({ ctx });
    expect(cross.residents).toBe(300);
    expect(cross.multiProgramme).toBe(40);
    const found = await lookupResident({ ctx, input: { nik: DEMO_SHARED_NIK } });
    expect(found.programmes.map((p) => p.innovationName).sort()).toEqual(["Pak Kur", "Payo Beladas"]);
    expect(found.resident).toMatchObject({ sex: "P", area: { kecamatan: "Panca Jaya" } });
  });
});
