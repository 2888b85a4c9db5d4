import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as agencies from "@/app/api/v1/agencies/route";
import * as archive from "@/app/api/v1/innovations/[id]/archive/route";
import * as one from "@/app/api/v1/innovations/[id]/route";
import * as exportRoute from "@/app/api/v1/innovations/export/route";
import * as importRoute from "@/app/api/v1/innovations/import/route";
import * as template from "@/app/api/v1/innovations/import/template/route";
import * as list from "@/app/api/v1/innovations/route";
import * as me from "@/app/api/v1/me/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as users from "@/app/api/v1/users/route";
import type { DatabaseHandle } from "@/db/client";
import { agencyIdByCode, seedDemoData } from "@/tests/helpers/fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";

/* The catalogue, user and discovery routes, called as Next calls them, on a real database. */

const bappeda = { email: "bappeda@demo.local" };
const opd = { email: "opd@demo.local" };
const admin = { email: "admin@demo.local" };

describe.each(databaseCases())("catalogue API routes (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let disdukcapil: string;
  const call = (h: unknown, method: string, caller: { email: string | null }, rest = {}) =>
    callRoute(handle.db, h, method, caller, rest);

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    disdukcapil = await agencyIdByCode(handle.db, "DISDUKCAPIL");
  });
  afterAll(() => handle.close());

  it("GET /me names the caller; GET /agencies lists the region's agencies; the OpenAPI document is public", async () => {
    expect((await call(me.GET, "GET", opd)).body).toMatchObject({
      email: "opd@demo.local",
      role: "agency",
      agencyId: disdukcapil,
    });
    const list = await call(agencies.GET, "GET", opd);
    expect(list.body.items.length).toBe(25);
    const doc = await call(openapi.GET, "GET", { email: null });
    expect(doc).toMatchObject({ status: 200, body: { openapi: "3.1.0" } });
    expect(doc.headers.get("cache-control")).toContain("max-age");
  });

  it("GET /users lists users without password hashes; POST creates one (201), a taken email is 409", async () => {
    const listed = await call(users.GET, "GET", admin);
    expect(listed.body.items.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(listed.body)).not.toContain("passwordHash");
    const body = { email: "sekda@demo.local", name: "Sekda", role: "leader", password: "kata-sandi-sekda" };
    const created = await call(users.POST, "POST", admin, { body });
    expect(created).toMatchObject({ status: 201, body: { email: "sekda@demo.local", role: "leader" } });
    expect(created.body.passwordHash).toBeUndefined();
    expect(await call(users.POST, "POST", admin, { body })).toMatchObject({
      status: 409,
      body: { error: { code: "email_taken" } },
    });
    const bad = await call(users.POST, "POST", admin, {
      body: { ...body, email: "bukan-email" },
      headers: { "accept-language": "en" },
    });
    expect(bad).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed", fields: [{ field: "email" }] } },
    });
  });

  it("GET /innovations filters and pages in the database; a bad filter is 422 on that field", async () => {
    const page = await call(list.GET, "GET", opd, { query: "?q=Payo&limit=5" });
    expect(page).toMatchObject({ status: 200, body: { total: 1, limit: 5, items: [{ name: "Payo Beladas" }] } });
    const bad = await call(list.GET, "GET", opd, { query: "?stage=bukan" });
    expect(bad).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed", fields: [{ field: "stage" }] } },
    });
  });

  it("POST creates (201), GET reads, PATCH changes with the version read (409 when stale), archive and DELETE", async () => {
    const draft = { name: "Layanan Antar KTP", agencyId: disdukcapil, stage: "inisiatif", yearApplied: 2025 };
    const created = await call(list.POST, "POST", opd, { body: draft });
    expect(created).toMatchObject({ status: 201, body: { name: "Layanan Antar KTP", version: 1 } });
    const id = created.body.id as string;
    expect(await call(one.GET, "GET", opd, { params: { id } })).toMatchObject({
      status: 200,
      body: { id, agencyShortName: "Disdukcapil" },
    });
    expect(await call(one.GET, "GET", opd, { params: { id: "bukan-uuid" } })).toMatchObject({
      status: 404,
      body: { error: { code: "not_found" } },
    });

    const patched = await call(one.PATCH, "PATCH", opd, {
      params: { id },
      body: { version: 1, summary: "KTP diantar ke rumah", id: "diabaikan" },
    });
    expect(patched).toMatchObject({ status: 200, body: { id, version: 2, summary: "KTP diantar ke rumah" } });
    expect(
      await call(one.PATCH, "PATCH", opd, { params: { id }, body: { version: 1, summary: "lama" } }),
    ).toMatchObject({ status: 409, body: { error: { code: "stale_version" } } });
    expect(await call(one.PATCH, "PATCH", opd, { params: { id }, body: "[1]" })).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed" } },
    });

    expect(await call(archive.POST, "POST", opd, { params: { id }, body: { archived: true } })).toMatchObject({
      status: 200,
      body: { archivedAt: expect.any(String) },
    });
    expect(await call(archive.POST, "POST", opd, { params: { id }, body: { archived: "ya" } })).toMatchObject({
      status: 422,
    });
    expect(await call(one.DELETE, "DELETE", opd, { params: { id } })).toMatchObject({
      status: 200,
      body: { id, deleted: true },
    });
    expect(await call(one.GET, "GET", opd, { params: { id } })).toMatchObject({ status: 404 });
  });

  it("an agency user cannot create for another agency (403 forbidden_other_agency)", async () => {
    const other = await agencyIdByCode(handle.db, "BAPPEDA");
    const answer = await call(list.POST, "POST", opd, {
      body: { name: "Bukan milik kami", agencyId: other, stage: "inisiatif", yearApplied: 2025 },
    });
    expect(answer).toMatchObject({ status: 403, body: { error: { code: "forbidden_other_agency" } } });
  });

  it("GET /export streams the view as CSV with its count; GET /import/template is an XLSX", async () => {
    const csv = await call(exportRoute.GET, "GET", bappeda, { query: "?format=csv&q=Payo" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("x-total-count")).toBe("1");
    expect(csv.body).toContain("Payo Beladas");
    const xlsx = await call(template.GET, "GET", bappeda);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
  });

  it("POST /import: no file is 422 no_file; a dry run answers the report; a real run with rejected rows is 422 import_rejected", async () => {
    const form = (text: string) => {
      const f = new FormData();
      f.set("file", new Blob([text], { type: "text/csv" }), "inovasi.csv");
      return f;
    };
    expect(await call(importRoute.POST, "POST", bappeda, { body: new FormData() })).toMatchObject({
      status: 422,
      body: { error: { code: "no_file" } },
    });
    expect(await call(importRoute.POST, "POST", bappeda, { body: form("") })).toMatchObject({
      status: 422,
      body: { error: { code: "import_empty" } },
    });
    const header = "nama_inovasi,perangkat_daerah,tahapan,tahun_penerapan\n";
    const dry = await call(importRoute.POST, "POST", bappeda, {
      query: "?dryRun=true",
      body: form(header + "Posyandu Keliling,dinkes,uji coba,2024\n"),
    });
    expect(dry).toMatchObject({
      status: 200,
      body: { format: "csv", applied: false, totals: { create: 1, reject: 0 } },
    });
    const rejected = await call(importRoute.POST, "POST", bappeda, {
      body: form(header + "Posyandu Keliling,Dinas Antah Berantah,uji coba,2024\n"),
    });
    expect(rejected).toMatchObject({
      status: 422,
      body: { applied: false, totals: { reject: 1 }, error: { code: "import_rejected" } },
    });
  });
});
