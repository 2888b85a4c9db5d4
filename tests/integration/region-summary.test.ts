import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as route from "@/app/api/v1/regions/summary/route";
import type { DatabaseHandle } from "@/db/client";
import { residents, serviceRecords } from "@/db/schema/beneficiaries";
import { regionScore, scoreRegion } from "@/lib/iga/region-score";
import { createUser } from "@/lib/users/create-user";
import { seedBeneficiariesDemo } from "@/seed/beneficiaries-demo";
import { seedIgaDemo } from "@/seed/iga-demo";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { type SeededRegion, seedProvince, seedRegion } from "@/tests/helpers/region-world";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "./support";

const YEAR = 2023;
/** Every key the answer may hold: aggregates of regions, nothing about a person. */
const KEYS = new Set(
  "year years scope provinceName provinces regions totals code name innovations total published estimate index category reach residents records nationalRank provinceRank".split(
    " ",
  ),
);

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

describe.each(databaseCases())("the province's and the nation's roll-up (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let east: SeededRegion[];

  const get = (email: string | null, query = `?year=${YEAR}`) =>
    callRoute(handle.db, route.GET, "GET", { email }, { query });

  beforeAll(async () => {
    handle = await database.open();
    installTestNikKeys();
    await seedDemoData(handle.db);
    await seedIgaDemo(handle.db, { regionCode: "18.11" });
    await seedBeneficiariesDemo(handle.db, { regionCode: "18.11" });
    // Twenty kabupaten/kota of Jawa Timur, and one of Sumatera Selatan.
    east = await seedProvince(handle.db, "35", 20, YEAR);
    await seedRegion(handle.db, "16.01", 7, YEAR);
    await createUser({
      ctx: await ctxFor(handle.db, "admin@demo.local"),
      input: {
        email: "jatim@demo.local",
        name: "Rekap Jawa Timur",
        role: "province",
        regionCode: "35",
        password: "kata-sandi-panjang",
      },
    });
  }, 300_000);
  afterAll(() => handle?.close());

  it("shows a province user their 20 regions side by side with exact innovation counts, estimates and ranks", async () => {
    const { status, body } = await get("jatim@demo.local");
    expect(status).toBe(200);
    expect(body).toMatchObject({ year: YEAR, scope: "35", provinceName: "Jawa Timur" });
    expect(body.years).toContain(YEAR);
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(east.map((r) => r.code));
    for (const [i, seeded] of east.entries()) {
      const row = body.regions[i];
      expect(row.name, seeded.code).toMatch(/^(Kabupaten|Kota) /);
      expect(row.innovations).toEqual({ total: seeded.innovations, published: seeded.published });
      if (seeded.submitted) {
        const expected = await scoreRegion(handle.db, seeded.code, YEAR);
        expect(row.estimate).toEqual({ index: expected.index, category: expected.category, innovations: 2 });
      } else expect(row.estimate).toBeNull();
      expect(row.published).toEqual(
        i < 5 ? { nationalRank: 100 + i, provinceRank: i + 1, index: null, category: null } : null,
      );
    }
    const sum = (f: (r: SeededRegion) => number) => east.reduce((s, r) => s + f(r), 0);
    expect(body.totals.innovations).toEqual({ total: sum((r) => r.innovations), published: sum((r) => r.published) });
  });

  it("suppresses counts of people under 10, and a total that would give one away", async () => {
    const { body } = await get("jatim@demo.local");
    const residents = body.regions.map((r: { reach: { residents: unknown } }) => r.reach.residents);
    const records = body.regions.map((r: { reach: { records: unknown } }) => r.reach.records);
    // 0, 3, 6, 9 residents (0 and 6 records): under 10.
    expect(residents.slice(0, 5)).toEqual(["<10", "<10", "<10", "<10", 12]);
    expect(records.slice(0, 3)).toEqual(["<10", "<10", 12]);
    // The last region's pending batch (100 residents) is not counted.
    expect(residents[19]).toBe(57);
    // The totals (570 residents, 1,140 records) would give the small ones away, so they are hidden.
    expect(body.totals.reach).toEqual({ residents: "x", records: "x" });
    // Sumatera Selatan's one region (21 residents, 42 records) has no small count: its total shows.
    const south = await get("nasional@demo.local", `?year=${YEAR}&province=16`);
    expect(south.body.regions[0].reach).toEqual({ residents: 21, records: 42 });
    expect(south.body.totals.reach).toEqual({ residents: 21, records: 42 });
  });

  it("answers with aggregates only: no NIK, no resident, no innovation's name", async () => {
    const answers = [await get("jatim@demo.local"), await get("nasional@demo.local"), await get("provinsi@demo.local")];
    const ids = await handle.db.select({ id: residents.id }).from(residents).limit(50);
    for (const { body } of answers) {
      const text = JSON.stringify(body);
      expect([...keysOf(body)].filter((k) => !KEYS.has(k))).toEqual([]);
      expect(text).not.toMatch(/\d{16}/);
      expect(text).not.toContain("Inovasi 35.");
      for (const { id } of ids) expect(text).not.toContain(id);
    }
  });

  it("shows a national user the regions of every province, or of the one asked for", async () => {
    const all = await get("nasional@demo.local");
    expect(all.status).toBe(200);
    expect(all.body.scope).toBe("national");
    const codes = all.body.regions.map((r: { code: string }) => r.code);
    expect(codes).toEqual(expect.arrayContaining(["16.01", "18.11", ...east.map((r) => r.code)]));
    expect(codes).toHaveLength(22);
    // The provinces to choose from are those holding the regions shown, by code, with their names.
    const provinceCodes = [...new Set(codes.map((c: string) => c.slice(0, 2)))].sort();
    expect(all.body.provinces.map((p: { code: string }) => p.code)).toEqual(provinceCodes);
    expect(all.body.provinces).toContainEqual({ code: "16", name: "Sumatera Selatan" });
    const south = await get("nasional@demo.local", `?year=${YEAR}&province=16`);
    expect(south.body.regions.map((r: { code: string }) => r.code)).toEqual(["16.01"]);
    expect(south.body.provinceName).toBe("Sumatera Selatan");
  });

  it("keeps a province user of Lampung to Lampung, with Mesuji's estimate and reach as its own pages count them", async () => {
    const { status, body } = await get("provinsi@demo.local");
    expect(status).toBe(200);
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(["18.11"]);
    expect(body.provinces).toEqual([{ code: "18", name: "Lampung" }]);
    const own = await regionScore({ ctx: await ctxFor(handle.db, "bappeda@demo.local"), year: YEAR });
    expect(body.regions[0].estimate?.index ?? null).toBe(own.result.assessable ? own.result.index : null);
    const [served] = await handle.db
      .select({ residents: sql<number>`count(distinct ${serviceRecords.residentId})::int` })
      .from(serviceRecords)
      .where(
        and(eq(serviceRecords.regionCode, "18.11"), sql`extract(year from ${serviceRecords.serviceDate}) = ${YEAR}`),
      );
    const residents = Number(served.residents);
    expect(body.regions[0].reach.residents).toBe(residents < 10 ? "<10" : residents);
    expect((await get("provinsi@demo.local", `?year=${YEAR}&province=16`)).status).toBe(403);
  });

  it("refuses the region's roles (403) and anonymous callers (401), and a year that is no year (422)", async () => {
    for (const email of ["opd@demo.local", "pimpinan@demo.local", "bappeda@demo.local", "admin@demo.local"])
      expect((await get(email)).status, email).toBe(403);
    expect((await get(null)).status).toBe(401);
    expect((await get("jatim@demo.local", "?year=abc")).status).toBe(422);
    expect((await get("nasional@demo.local", `?year=${YEAR}&province=3`)).status).toBe(422);
  });
});
