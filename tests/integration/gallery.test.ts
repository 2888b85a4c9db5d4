import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { auditLog } from "@/db/schema/audit-log";
import { innovations } from "@/db/schema/innovations";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { requirePublicPermission } from "@/lib/gallery/access";
import { getGalleryInnovation } from "@/lib/gallery/get-gallery-innovation";
import { galleryEntries, galleryIgaHistory, galleryRegionName } from "@/lib/gallery/iga-history";
import { listGallery } from "@/lib/gallery/list-gallery";
import { setInnovationPublic } from "@/lib/gallery/publish";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

/*
 * The public gallery's reads (no user) and its one write. Payo Beladas gets a designed set of
 * records: 30 residents in kecamatan 01, 12 in 02, 3 in 04 — so 04 is suppressed, and 02 too (else
 * 04 would follow from the total by subtraction).
 */

const pad = (n: number, w: number) => String(n).padStart(w, "0");
function designedCsv(): string {
  const lines = ["nik,tanggal_layanan,jenis_layanan,kode_desa,nilai"];
  const groups: [string, number][] = [
    ["18.11.01.2001", 30],
    ["18.11.02.2001", 12],
    ["18.11.04.2001", 3],
  ];
  let serial = 1;
  for (const [desa, people] of groups)
    for (let i = 0; i < people; i++)
      lines.push(`181101150685${pad(serial++, 4)},2024-0${1 + (i % 9)}-15,Layanan,${desa},`);
  return lines.join("\n");
}

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  return into;
}

describe.each(databaseCases())("public gallery (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  const anonymous = () => ({ db: handle.db, actor: null });

  beforeAll(async () => {
    installTestNikKeys();
    handle = await database.open();
    await seedDemoData(handle.db);
    const [payo] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Payo Beladas"));
    const report = await importServiceRecords(await ctxFor(handle.db, "bappeda@demo.local"), {
      innovationId: payo.id,
      open: () =>
        openRecordFile(
          (async function* () {
            yield Buffer.from(designedCsv());
          })(),
          "data.csv",
        ),
      fileName: "data.csv",
      dryRun: false,
      mode: "default",
      locale: "id",
      source: "upload",
    });
    expect(report.status).toBe("done");
  });
  afterAll(() => handle.close());

  it("shows anonymous visitors only the public, live innovations, flagships first and samples flagged", async () => {
    const list = await listGallery({ ctx: anonymous(), input: {} });
    const pub = await handle.db
      .select({ slug: innovations.slug, isSample: innovations.isSample })
      .from(innovations)
      .where(and(eq(innovations.isPublic, true), eq(innovations.regionCode, "18.11")));
    expect(list.total).toBe(pub.length);
    expect(list.total).toBeGreaterThan(2);
    expect(list.total).toBeLessThan(121);
    expect(list.items.map((i) => i.slug).sort()).toEqual(pub.map((p) => p.slug).sort());
    expect(list.items.slice(0, 2).map((i) => i.name)).toEqual(["Pak Kur", "Payo Beladas"]);
    expect(list.items.slice(2).every((i) => i.isSample)).toBe(true);
    // An archived public innovation leaves the gallery.
    const sample = list.items[2];
    await handle.db.update(innovations).set({ archivedAt: new Date() }).where(eq(innovations.slug, sample.slug));
    expect((await listGallery({ ctx: anonymous(), input: {} })).items.map((i) => i.slug)).not.toContain(sample.slug);
    await handle.db.update(innovations).set({ archivedAt: null }).where(eq(innovations.slug, sample.slug));
  });

  it("searches by name and filters by urusan, agency and stage; a malformed filter is dropped", async () => {
    const ctx = anonymous();
    expect((await listGallery({ ctx, input: { q: "payo" } })).items.map((i) => i.name)).toEqual(["Payo Beladas"]);
    expect((await listGallery({ ctx, input: { q: "100%_" } })).total).toBe(0);
    const byAgency = await listGallery({ ctx, input: { agency: "DISDUKCAPIL" } });
    expect(byAgency.items.length).toBeGreaterThan(0);
    expect(byAgency.items.every((i) => i.agencyCode === "DISDUKCAPIL")).toBe(true);
    const all = await listGallery({ ctx, input: {} });
    const urusan = all.options.urusan[0];
    expect((await listGallery({ ctx, input: { urusan } })).items.every((i) => i.urusan === urusan)).toBe(true);
    const stage = await listGallery({ ctx, input: { stage: "penerapan" } });
    expect(stage.items.every((i) => i.stage === "penerapan")).toBe(true);
    expect((await listGallery({ ctx, input: { stage: "nonsense", page: "-3" } })).total).toBe(all.total);
  });

  it("answers an innovation's page with its story and suppressed reach: < 10 per small kecamatan, and its neighbour so it cannot be subtracted", async () => {
    const payo = await getGalleryInnovation({ ctx: anonymous(), input: { slug: "payo-beladas" } });
    expect(payo).toMatchObject({
      name: "Payo Beladas",
      agencyCode: "DISDUKCAPIL",
      stage: "penerapan",
      isSample: false,
    });
    expect(payo.problem).toMatch(/^Kabupaten Mesuji memiliki tujuh kecamatan/);
    expect(payo.reach.residents).toBe(45);
    expect(payo.reach.records).toBe(45);
    const byCode = Object.fromEntries(payo.reach.byKecamatan.map((k) => [k.code, [k.residents, k.records]]));
    expect(payo.reach.byKecamatan).toHaveLength(7);
    expect(byCode["18.11.01"]).toEqual([30, 30]);
    expect(byCode["18.11.02"]).toEqual(["hidden", "hidden"]);
    expect(byCode["18.11.04"]).toEqual(["<10", "<10"]);
    expect(byCode["18.11.03"]).toEqual(["<10", "<10"]);
    expect(payo.reach.years).toEqual([2024]);
    // Pak Kur has no records here: every figure is "< 10".
    const pakKur = await getGalleryInnovation({ ctx: anonymous(), input: { slug: "pak-kur" } });
    expect(pakKur.reach.residents).toBe("<10");
  });

  it("returns no NIK, no resident, no person's name and no internal id in what it hands out", async () => {
    const payo = await getGalleryInnovation({ ctx: anonymous(), input: { slug: "payo-beladas" } });
    const list = await listGallery({ ctx: anonymous(), input: {} });
    for (const value of [payo, list]) {
      const keys = [...keysOf(value)];
      expect(keys.filter((k) => /nik|resident(?!s$)|initiator|createdBy|updatedBy|^id$|email/i.test(k))).toEqual([]);
      expect(JSON.stringify(value)).not.toMatch(/\d{16}/);
    }
  });

  it("answers 404 for a slug that is not public, unknown or malformed", async () => {
    const [hidden] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.isPublic, false))
      .limit(1);
    await handle.db.update(innovations).set({ slug: "tersembunyi" }).where(eq(innovations.id, hidden.id));
    for (const slug of ["tersembunyi", "tidak-ada", "../etc", ""]) {
      expect(await caught(getGalleryInnovation({ ctx: anonymous(), input: { slug } }))).toBeInstanceOf(NotFoundError);
    }
  });

  it("lets anonymous visitors read the gallery only, and gives them the regency's name, IGA history and sitemap entries", async () => {
    expect(requirePublicPermission(anonymous(), "gallery.read")).toEqual({ regionCode: "18.11" });
    expect(await caught(() => requirePublicPermission(anonymous(), "innovation.read"))).toBeInstanceOf(
      UnauthenticatedError,
    );
    expect(await galleryRegionName({ ctx: anonymous() })).toBe("Kabupaten Mesuji");
    const iga = await galleryIgaHistory({ ctx: anonymous() });
    expect(iga.map((r) => [r.year, r.nationalRank])).toEqual([
      [2021, 155],
      [2022, 36],
      [2023, 16],
      [2024, null],
    ]);
    expect(iga.every((r) => !!r.source)).toBe(true);
    const entries = await galleryEntries({ ctx: anonymous() });
    expect(entries.map((e) => e.slug)).toEqual(expect.arrayContaining(["payo-beladas", "pak-kur"]));
    // A signed-in caller reads the same gallery.
    expect((await listGallery({ ctx: await ctxFor(handle.db, "pimpinan@demo.local"), input: {} })).total).toBe(
      (await listGallery({ ctx: anonymous(), input: {} })).total,
    );
  });

  it("lets admin and Bappeda publish and unpublish (audited, slug given once and kept); agency, leader, evaluator get 403, anonymous 401", async () => {
    const [target] = await handle.db
      .select({ id: innovations.id, name: innovations.name })
      .from(innovations)
      .where(and(eq(innovations.isPublic, false), eq(innovations.name, "Pak Kur")))
      .limit(1)
      .then(async (rows) =>
        rows.length
          ? rows
          : handle.db
              .select({ id: innovations.id, name: innovations.name })
              .from(innovations)
              .where(eq(innovations.isPublic, false))
              .limit(1),
      );
    await handle.db.update(innovations).set({ slug: null }).where(eq(innovations.id, target.id));
    for (const email of ["opd@demo.local", "pimpinan@demo.local", "evaluator@demo.local"]) {
      expect(
        await caught(
          setInnovationPublic({ ctx: await ctxFor(handle.db, email), input: { id: target.id, public: true } }),
        ),
        email,
      ).toBeInstanceOf(ForbiddenError);
    }
    expect(
      await caught(setInnovationPublic({ ctx: anonymous(), input: { id: target.id, public: true } })),
    ).toBeInstanceOf(UnauthenticatedError);

    const published = await setInnovationPublic({
      ctx: await ctxFor(handle.db, "bappeda@demo.local"),
      input: { id: target.id, public: true },
    });
    expect(published.isPublic).toBe(true);
    expect(published.slug).toMatch(/^[a-z0-9-]+$/);
    expect((await listGallery({ ctx: anonymous(), input: {} })).items.map((i) => i.slug)).toContain(published.slug);

    const hidden = await setInnovationPublic({
      ctx: await ctxFor(handle.db, "admin@demo.local"),
      input: { id: target.id, public: false },
    });
    expect(hidden).toEqual({ id: target.id, isPublic: false, slug: published.slug });
    expect((await listGallery({ ctx: anonymous(), input: {} })).items.map((i) => i.slug)).not.toContain(published.slug);
    expect(await caught(getGalleryInnovation({ ctx: anonymous(), input: { slug: published.slug } }))).toBeInstanceOf(
      NotFoundError,
    );

    const audits = await handle.db
      .select({ action: auditLog.action, actor: auditLog.actorEmail })
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, target.id), inArray(auditLog.action, ["innovation.publish", "innovation.unpublish"])),
      )
      .orderBy(auditLog.id);
    expect(audits).toEqual([
      { action: "innovation.publish", actor: "bappeda@demo.local" },
      { action: "innovation.unpublish", actor: "admin@demo.local" },
    ]);
  });

  it("gives a second innovation of the same name a slug of its own", async () => {
    const [a, b] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.isPublic, false))
      .limit(2);
    await handle.db
      .update(innovations)
      .set({ name: "Nama Kembar", slug: null })
      .where(inArray(innovations.id, [a.id, b.id]));
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const first = await setInnovationPublic({ ctx, input: { id: a.id, public: true } });
    const second = await setInnovationPublic({ ctx, input: { id: b.id, public: true } });
    expect([first.slug, second.slug]).toEqual(["nama-kembar", "nama-kembar-2"]);
  });
});
