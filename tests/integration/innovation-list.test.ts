import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";
import { catalogueCoverage } from "@/lib/innovations/coverage";
import { prepareInnovationExport } from "@/lib/innovations/export-innovations";
import { countOf, facetCounts } from "@/lib/innovations/facets";
import { type ListInnovationsInput, listInnovations } from "@/lib/innovations/list-innovations";
import { FACET_KEYS } from "@/lib/innovations/list-params";
import { BASIC_SERVICE_AFFAIRS } from "@/lib/reference/affairs";
import { agencyIdByCode, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

const ARCHIVED = "Uji Emisi Keliling";
// The two flagships carry a full profile (rancang bangun over 300 words); one sample is made complete.
const COMPLETE = ["Bank Sampah Desa", "Pak Kur", "Payo Beladas"];

describe.each(databaseCases())("innovation catalogue list (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let all: (typeof innovations.$inferSelect)[];
  let live: (typeof innovations.$inferSelect)[];

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    await handle.db.update(innovations).set({ archivedAt: new Date() }).where(eq(innovations.name, ARCHIVED));
    await handle.db
      .update(innovations)
      .set({ completeness: 100 })
      .where(inArray(innovations.name, ["Bank Sampah Desa"]));
    all = await handle.db.select().from(innovations);
    live = all.filter((r) => !r.archivedAt);
  });
  afterAll(() => handle.close());

  const bappeda = () => ctxFor(handle.db, "bappeda@demo.local");
  const list = async (input: ListInnovationsInput, email = "bappeda@demo.local") =>
    listInnovations({ ctx: await ctxFor(handle.db, email), input });
  const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

  it("hides archived innovations unless asked, and pages with a limit", async () => {
    const page = await list({});
    expect(page).toMatchObject({ total: live.length, limit: 25, offset: 0 });
    expect(page.items).toHaveLength(25);
    expect(names(await list({ q: ARCHIVED }))).toEqual([]);
    const withArchived = await list({ q: ARCHIVED, includeArchived: "true" });
    expect(names(withArchived)).toEqual([ARCHIVED]);
    expect(withArchived.items[0].archivedAt).toBeInstanceOf(Date);
    expect((await list({ includeArchived: true })).total).toBe(all.length);
  });

  it("puts the two real innovations first by default and filters on isSample", async () => {
    expect(names(await list({ limit: 2 })).sort()).toEqual(["Pak Kur", "Payo Beladas"]);
    const real = await list({ isSample: "false" });
    expect(real.total).toBe(2);
    expect((await list({ isSample: true })).total).toBe(live.length - 2);
  });

  it("searches name and summary case-insensitively, with % and _ taken literally", async () => {
    expect(names(await list({ q: "payo" }))).toEqual(["Payo Beladas"]);
    expect(names(await list({ q: "LOKET DISDUKCAPIL" }))).toEqual(["Payo Beladas"]);
    expect((await list({ q: "%" })).total).toBe(0);
    expect((await list({ q: "_" })).total).toBe(0);
    expect((await list({ q: "  " })).total).toBe(live.length);
  });

  it("filters on every profile facet, alone and combined", async () => {
    const disdukcapil = await agencyIdByCode(handle.db, "DISDUKCAPIL");
    const cases: [ListInnovationsInput, (r: (typeof all)[number]) => boolean][] = [
      [{ stage: "uji_coba" }, (r) => r.stage === "uji_coba"],
      [{ innovationType: "digital" }, (r) => r.innovationType === "digital"],
      [{ form: "tata_kelola" }, (r) => r.form === "tata_kelola"],
      [{ theme: "penanggulangan_kemiskinan" }, (r) => r.theme === "penanggulangan_kemiskinan"],
      [{ mainAffair: "kesehatan" }, (r) => r.mainAffair === "kesehatan"],
      [{ agencyId: disdukcapil }, (r) => r.agencyId === disdukcapil],
      [{ yearApplied: "2022" }, (r) => r.yearApplied === 2022],
      [{ completeness: "complete" }, (r) => r.completeness === 100],
      [{ completeness: "incomplete" }, (r) => r.completeness < 100],
      [
        { agencyId: disdukcapil, innovationType: "digital", stage: "penerapan" },
        (r) => r.agencyId === disdukcapil && r.innovationType === "digital" && r.stage === "penerapan",
      ],
    ];
    for (const [input, keep] of cases) {
      const expected = live
        .filter(keep)
        .map((r) => r.id)
        .sort();
      expect(expected.length, JSON.stringify(input)).toBeGreaterThan(0);
      const page = await list({ ...input, limit: 500 });
      expect(page.items.map((i) => i.id).sort(), JSON.stringify(input)).toEqual(expected);
      expect(page.total).toBe(expected.length);
    }
  });

  it("splits the catalogue into complete and incomplete with nothing lost", async () => {
    const [complete, incomplete] = [
      await list({ completeness: "complete" }),
      await list({ completeness: "incomplete" }),
    ];
    expect(complete.total + incomplete.total).toBe(live.length);
    expect(names(complete).sort()).toEqual(COMPLETE);
  });

  it("sorts by each key in both directions, with descending exactly ascending reversed", async () => {
    const ranks = { inisiatif: 1, uji_coba: 2, penerapan: 3 };
    const checks = {
      yearApplied: (i: { yearApplied: number }) => i.yearApplied,
      completeness: (i: { completeness: number }) => i.completeness,
      stage: (i: { stage: keyof typeof ranks }) => ranks[i.stage],
      updatedAt: (i: { updatedAt: Date }) => i.updatedAt.getTime(),
      agency: (i: { agencyName: string }) => i.agencyName.toLowerCase(),
      name: (i: { name: string }) => i.name.toLowerCase(),
    } as const;
    for (const [sort, key] of Object.entries(checks) as [keyof typeof checks, (i: never) => number | string][]) {
      const asc = (await list({ sort, limit: 500 })).items;
      const desc = (await list({ sort, dir: "desc", limit: 500 })).items;
      const values = asc.map((i) => key(i as never));
      expect(values, sort).toEqual([...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(
        desc.map((i) => i.id),
        sort,
      ).toEqual(asc.map((i) => i.id).reverse());
    }
  });

  it("pages through a sort with many ties without losing or repeating a row", async () => {
    const whole = (await list({ sort: "yearApplied", limit: 500 })).items.map((i) => i.id);
    const paged: string[] = [];
    for (let offset = 0; offset < live.length; offset += 7) {
      paged.push(...(await list({ sort: "yearApplied", limit: 7, offset })).items.map((i) => i.id));
    }
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(live.length);
  });

  it("refuses a bad page, sort or filter with a validation error", async () => {
    for (const input of [
      { limit: 501 },
      { offset: -1 },
      { sort: "nik" },
      { stage: "selesai" },
      { yearApplied: "dua" },
      { agencyId: "x" },
    ]) {
      expect(await caught(list(input as ListInnovationsInput)), JSON.stringify(input)).toBeInstanceOf(ValidationError);
    }
    expect(await caught(listInnovations({ ctx: await ctxFor(handle.db, null), input: {} }))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });

  it("lets agency staff and leaders read the whole catalogue, not only their agency", async () => {
    const opdOwn = await agencyIdByCode(handle.db, "DISDUKCAPIL");
    for (const email of ["opd@demo.local", "pimpinan@demo.local", "evaluator@demo.local"]) {
      const page = await list({ limit: 500 }, email);
      expect(page.total).toBe(live.length);
      expect(page.items.some((i) => i.agencyId !== opdOwn)).toBe(true);
    }
  });

  it("counts each facet's values with the other filters applied, consistent with the list", async () => {
    const ctx = await bappeda();
    const unfiltered = await facetCounts({ ctx, input: {} });
    for (const key of ["stage", "agencyId", "yearApplied", "completeness"] as const) {
      expect(
        unfiltered[key].reduce((s, c) => s + c.count, 0),
        key,
      ).toBe(live.length);
    }
    const input: ListInnovationsInput = { stage: "penerapan", innovationType: "digital", q: "a" };
    const facets = await facetCounts({ ctx, input });
    const total = (await list(input)).total;
    // The chosen value's count is the list total; the other stages keep their own counts.
    expect(countOf(facets.stage, "penerapan")).toBe(total);
    expect(facets.stage.length).toBeGreaterThan(1);
    for (const key of FACET_KEYS) {
      for (const { value, count } of facets[key]) {
        expect((await list({ ...input, [key]: value })).total, `${key}=${value}`).toBe(count);
      }
    }
    expect(facets.agencyId.reduce((s, c) => s + c.count, 0)).toBe(total);
  });

  it("reports coverage per stage, urusan and agency, counting only live innovations", async () => {
    const coverage = await catalogueCoverage({ ctx: await bappeda() });
    expect(coverage.total).toBe(live.length);
    expect(coverage.byStage.map((s) => s.stage)).toEqual(["inisiatif", "uji_coba", "penerapan"]);
    for (const s of coverage.byStage) expect(s.count).toBe(live.filter((r) => r.stage === s.stage).length);
    expect(coverage.byAgency).toHaveLength(25);
    expect(coverage.byAgency.reduce((sum, a) => sum + a.count, 0)).toBe(live.length);
    const kesehatan = coverage.byAffair.find((a) => a.affair === "kesehatan");
    expect(kesehatan).toMatchObject({
      name: "Kesehatan",
      count: live.filter((r) => r.mainAffair === "kesehatan").length,
    });
    expect(coverage.byAffair.map((a) => a.count)).toEqual(
      [...coverage.byAffair.map((a) => a.count)].sort((a, b) => b - a),
    );
  });

  it("checks the six basic-service affairs for innovations in penerapan, as main or other affair", async () => {
    const ctx = await bappeda();
    const expected = (rows: typeof all, code: string) =>
      rows.filter(
        (r) => !r.archivedAt && r.stage === "penerapan" && (r.mainAffair === code || r.otherAffairs.includes(code)),
      ).length;
    const coverage = await catalogueCoverage({ ctx });
    expect(coverage.basicServices.map((b) => b.affair)).toEqual(BASIC_SERVICE_AFFAIRS);
    for (const b of coverage.basicServices)
      expect(b).toMatchObject({ count: expected(live, b.affair), covered: expected(live, b.affair) > 0 });

    // Sosial only as another affair of Payo Beladas still counts; with none at all it is a gap.
    const sosial = and(eq(innovations.mainAffair, "sosial"), isNull(innovations.archivedAt));
    const sosialIds = (await handle.db.select({ id: innovations.id }).from(innovations).where(sosial)).map((r) => r.id);
    await handle.db.update(innovations).set({ archivedAt: new Date() }).where(inArray(innovations.id, sosialIds));
    const gap = (await catalogueCoverage({ ctx })).basicServices.find((b) => b.affair === "sosial");
    expect(gap).toMatchObject({ count: 0, covered: false });
    await handle.db
      .update(innovations)
      .set({ otherAffairs: ["pemberdayaan_masyarakat_dan_desa", "sosial"] })
      .where(eq(innovations.name, "Payo Beladas"));
    expect((await catalogueCoverage({ ctx })).basicServices.find((b) => b.affair === "sosial")).toMatchObject({
      count: 1,
      covered: true,
    });
    await handle.db.update(innovations).set({ archivedAt: null }).where(inArray(innovations.id, sosialIds));
    await handle.db
      .update(innovations)
      .set({ otherAffairs: all.find((r) => r.name === "Payo Beladas")!.otherAffairs })
      .where(eq(innovations.name, "Payo Beladas"));
  });

  it("exports the filtered view in pages, with the count and the list's order", async () => {
    const ctx = await bappeda();
    const view = await prepareInnovationExport({ ctx, input: { stage: "penerapan", sort: "name", format: "xlsx" } });
    const rows = [];
    for await (const page of view.pages) rows.push(...page);
    const listed = await list({ stage: "penerapan", sort: "name", limit: 500 });
    expect(view).toMatchObject({ format: "xlsx", total: listed.total, truncated: false });
    expect(rows.map((r) => r.id)).toEqual(listed.items.map((i) => i.id));
    expect(await caught(prepareInnovationExport({ ctx, input: { format: "pdf" as "csv" } }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(prepareInnovationExport({ ctx: await ctxFor(handle.db, null), input: {} }))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
