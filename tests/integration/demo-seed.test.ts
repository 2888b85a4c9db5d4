import { and, count, eq, like, ne } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { auditLog } from "@/db/schema/audit-log";
import { innovations } from "@/db/schema/innovations";
import { regions } from "@/db/schema/regions";
import { users } from "@/db/schema/users";
import { seedReferenceData } from "@/seed/reference";
import { agencyIdByCode, seedDemoData } from "@/tests/helpers/fixtures";
import { databaseCases } from "./support";

const MESUJI = "18.11";

describe.each(databaseCases())("demo and reference seed (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let firstSeed: Awaited<ReturnType<typeof seedDemoData>>;

  beforeAll(async () => {
    handle = await database.open();
    firstSeed = await seedDemoData(handle.db);
  });
  afterAll(() => handle.close());

  it("reports what it seeded the first time", async () => {
    const [{ n: agencyCount }] = await handle.db.select({ n: count() }).from(agencies);
    expect(firstSeed).toEqual({ seeded: true, agencies: agencyCount, users: 7, innovations: 110 });
    expect(agencyCount).toBeGreaterThan(0);
  });

  it("seeds 110 innovations, all in the region, 108 of them flagged as samples", async () => {
    const rows = await handle.db.select().from(innovations);
    expect(rows).toHaveLength(110);
    expect(rows.every((r) => r.regionCode === MESUJI)).toBe(true);
    expect(rows.filter((r) => r.isSample)).toHaveLength(108);
  });

  it("keeps the two real innovations unflagged under their own agencies", async () => {
    const real = await handle.db
      .select({ name: innovations.name, agency: agencies.code })
      .from(innovations)
      .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
      .where(eq(innovations.isSample, false));
    expect(real.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "Pak Kur", agency: "SETDA-EKBANG" },
      { name: "Payo Beladas", agency: "DISDUKCAPIL" },
    ]);
  });

  it("links every innovation to an agency of the same region", async () => {
    const [{ n }] = await handle.db
      .select({ n: count() })
      .from(innovations)
      .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
      .where(ne(agencies.regionCode, innovations.regionCode));
    expect(n).toBe(0);
  });

  it("creates the demo users with their roles, agencies and regions", async () => {
    const rows = await handle.db
      .select({
        email: users.email,
        role: users.role,
        agency: agencies.code,
        region: users.regionCode,
        active: users.active,
      })
      .from(users)
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .orderBy(users.email);
    expect(rows).toEqual([
      { email: "admin@demo.local", role: "admin", agency: null, region: MESUJI, active: true },
      { email: "bappeda@demo.local", role: "bappeda", agency: "BAPPEDA", region: MESUJI, active: true },
      { email: "evaluator@demo.local", role: "evaluator", agency: null, region: MESUJI, active: true },
      { email: "nasional@demo.local", role: "national", agency: null, region: "00", active: true },
      { email: "opd@demo.local", role: "agency", agency: "DISDUKCAPIL", region: MESUJI, active: true },
      { email: "pimpinan@demo.local", role: "leader", agency: null, region: MESUJI, active: true },
      { email: "provinsi@demo.local", role: "province", agency: null, region: "18", active: true },
    ]);
    const [opd] = await handle.db.select().from(users).where(eq(users.email, "opd@demo.local"));
    expect(opd.agencyId).toBe(await agencyIdByCode(handle.db, "DISDUKCAPIL"));
  });

  it("stores password hashes, not the password", async () => {
    const rows = await handle.db.select({ hash: users.passwordHash }).from(users);
    for (const { hash } of rows) expect(hash).toMatch(/^\$argon2id\$/);
  });

  it("records the seed in the audit log as a system action", async () => {
    const rows = await handle.db.select().from(auditLog).where(eq(auditLog.action, "seed.demo"));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorKind: "system", actorId: null, entity: "database" });
    expect(rows[0].after).toEqual(firstSeed);
  });

  it("does nothing when run a second time", async () => {
    const countAll = async () => ({
      users: (await handle.db.select({ n: count() }).from(users))[0].n,
      agencies: (await handle.db.select({ n: count() }).from(agencies))[0].n,
      innovations: (await handle.db.select({ n: count() }).from(innovations))[0].n,
      audit: (await handle.db.select({ n: count() }).from(auditLog))[0].n,
    });
    const before = await countAll();
    const again = await seedDemoData(handle.db);
    expect(again).toEqual({ seeded: false, agencies: 0, users: 0, innovations: 0 });
    expect(await countAll()).toEqual(before);
  });

  it("has the 7 kecamatan of Kabupaten Mesuji", async () => {
    const [kabupaten] = await handle.db.select().from(regions).where(eq(regions.code, MESUJI));
    expect(kabupaten).toMatchObject({ level: "kabupaten_kota", name: "Kabupaten Mesuji", parentCode: "18" });
    const kecamatan = await handle.db
      .select({ code: regions.code, name: regions.name, nik: regions.nikPrefix })
      .from(regions)
      .where(and(eq(regions.level, "kecamatan"), eq(regions.parentCode, MESUJI)))
      .orderBy(regions.code);
    expect(kecamatan.map((k) => k.name)).toEqual([
      "Mesuji",
      "Mesuji Timur",
      "Rawa Jitu Utara",
      "Way Serdang",
      "Simpang Pematang",
      "Panca Jaya",
      "Tanjung Raya",
    ]);
    for (const k of kecamatan) expect(k.nik).toBe(k.code.replaceAll(".", ""));
  });

  it("has 105 desa under 18.11, each under one of its kecamatan", async () => {
    const desa = await handle.db
      .select()
      .from(regions)
      .where(and(eq(regions.level, "desa"), like(regions.code, `${MESUJI}.%`)));
    expect(desa).toHaveLength(105);
    const kecamatanCodes = new Set(
      (await handle.db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, MESUJI))).map(
        (r) => r.code,
      ),
    );
    for (const d of desa) {
      expect(kecamatanCodes.has(d.parentCode ?? "")).toBe(true);
      expect(d.code.startsWith(`${d.parentCode}.`)).toBe(true);
      expect(d.nikPrefix).toBe(d.code.replaceAll(".", ""));
    }
    const [{ n: allDesa }] = await handle.db.select({ n: count() }).from(regions).where(eq(regions.level, "desa"));
    expect(allDesa).toBe(105);
  });

  it("does not load reference data again once it is there", async () => {
    const [{ n: before }] = await handle.db.select({ n: count() }).from(regions);
    expect(await seedReferenceData(handle.db)).toBe(0);
    const [{ n: after }] = await handle.db.select({ n: count() }).from(regions);
    expect(after).toBe(before);
  });
});
