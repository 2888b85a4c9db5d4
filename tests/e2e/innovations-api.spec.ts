import { type APIRequestContext, type APIResponse, expect, test } from "@playwright/test";
import { innovationDetailSchema, innovationPageSchema, innovationSchema } from "@/lib/openapi/schemas";
import { signedInAs, tokenFor } from "./helpers";

// The API answers with the shapes the OpenAPI document declares: responses are checked with the
// same zod schemas the document is generated from (strict, so an undocumented field fails too).

type Headers = Record<string, string>;
const bearer = (token: string, lang = "id"): Headers => ({ authorization: `Bearer ${token}`, "accept-language": lang });

async function listPage(request: APIRequestContext, headers: Headers, query: string) {
  const res = await request.get(`/api/v1/innovations?${query}`, { headers });
  expect(res.status(), query).toBe(200);
  return innovationPageSchema.strict().parse(await res.json());
}

let bappeda: Headers;
let opd: Headers;

// Tokens are made once, through the admin UI as an administrator would.
test.beforeAll(async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const admin = await context.newPage();
  await signedInAs(admin, "admin@demo.local");
  bappeda = bearer(await tokenFor(admin, "bappeda@demo.local", "api innovations bappeda"));
  opd = bearer(await tokenFor(admin, "opd@demo.local", "api innovations opd"));
  await context.close();
});

test("Bappeda lists, filters, creates, reads, edits with a version, archives and deletes through the API", async ({
  request,
}) => {
  expect((await request.get("/api/v1/innovations")).status()).toBe(401);

  // 110 demo innovations: 108 samples plus the two real ones (other specs may add real ones).
  const all = await listPage(request, bappeda, "limit=10&offset=0");
  expect(all.items).toHaveLength(10);
  expect(all.total).toBeGreaterThanOrEqual(110);
  expect((await listPage(request, bappeda, "isSample=true&limit=1")).total).toBe(119);
  const next = await listPage(request, bappeda, "limit=10&offset=10");
  expect(next.offset).toBe(10);
  const twenty = await listPage(request, bappeda, "limit=20&offset=0");
  expect(twenty.items.map((i) => i.id)).toEqual([...all.items, ...next.items].map((i) => i.id));

  const applied = await listPage(request, bappeda, "stage=penerapan&limit=500");
  expect(applied.total).toBeGreaterThan(0);
  expect(applied.total).toBeLessThan(all.total);
  expect(applied.items.every((i) => i.stage === "penerapan")).toBe(true);
  expect((await request.get("/api/v1/innovations?stage=selesai", { headers: bappeda })).status()).toBe(422);

  const agencies = (await (await request.get("/api/v1/agencies", { headers: bappeda })).json()).items as {
    id: string;
    code: string;
  }[];
  const dinkes = agencies.find((a) => a.code === "DINKES")!;
  const created = await request.post("/api/v1/innovations", {
    headers: bappeda,
    data: {
      name: "Inovasi Uji API",
      agencyId: dinkes.id,
      stage: "uji_coba",
      yearApplied: 2025,
      trialDate: "2025-02-01",
      summary: "",
    },
  });
  expect(created.status()).toBe(201);
  const row = innovationSchema.strict().parse(await created.json());
  expect(row).toMatchObject({ name: "Inovasi Uji API", version: 1, summary: null, otherAffairs: [] });
  expect((await listPage(request, bappeda, "limit=1")).total).toBe(all.total + 1);

  const read = await request.get(`/api/v1/innovations/${row.id}`, { headers: bappeda });
  expect(read.status()).toBe(200);
  expect(innovationDetailSchema.strict().parse(await read.json()).agencyId).toBe(dinkes.id);

  const edited = await request.patch(`/api/v1/innovations/${row.id}`, {
    headers: bappeda,
    data: { version: 1, summary: "Diubah lewat API." },
  });
  expect(edited.status()).toBe(200);
  expect(innovationSchema.strict().parse(await edited.json())).toMatchObject({
    version: 2,
    summary: "Diubah lewat API.",
    name: "Inovasi Uji API",
  });

  const stale = await request.patch(`/api/v1/innovations/${row.id}`, {
    headers: bappeda,
    data: { version: 1, summary: "Menimpa?" },
  });
  expect(stale.status()).toBe(409);
  const conflict = (await stale.json()).error;
  expect(conflict.code).toBe("stale_version");
  expect(conflict.message).toContain("versi 2");
  expect(conflict.message).toContain("Muat ulang");

  const archived = await request.post(`/api/v1/innovations/${row.id}/archive`, {
    headers: bappeda,
    data: { archived: true },
  });
  expect(archived.status()).toBe(200);
  expect(innovationSchema.strict().parse(await archived.json()).archivedAt).not.toBeNull();
  expect((await listPage(request, bappeda, "limit=1")).total).toBe(all.total);
  const restored = await request.post(`/api/v1/innovations/${row.id}/archive`, {
    headers: bappeda,
    data: { archived: false },
  });
  expect((await restored.json()).archivedAt).toBeNull();
  const badArchive = await request.post(`/api/v1/innovations/${row.id}/archive`, {
    headers: bappeda,
    data: { archived: "ya" },
  });
  expect(badArchive.status()).toBe(422);

  const deleted = await request.delete(`/api/v1/innovations/${row.id}`, { headers: bappeda });
  expect(deleted.status()).toBe(200);
  expect(await deleted.json()).toEqual({ id: row.id, deleted: true });
  const gone = await request.get(`/api/v1/innovations/${row.id}`, { headers: bappeda });
  expect(gone.status()).toBe(404);
  expect((await gone.json()).error.code).toBe("not_found");
  expect((await request.get("/api/v1/innovations/not-a-uuid", { headers: bappeda })).status()).toBe(404);
  expect(
    (await request.patch("/api/v1/innovations/not-a-uuid", { headers: bappeda, data: { version: 1 } })).status(),
  ).toBe(404);
});

test("agency staff change only their agency's innovations", async ({ request }) => {
  const me = await (await request.get("/api/v1/me", { headers: opd })).json();
  const payo = (await listPage(request, opd, "q=Payo%20Beladas")).items[0];
  expect(payo.agencyId).toBe(me.agencyId);
  const other = (await listPage(request, opd, "limit=50")).items.find((i) => i.agencyId !== me.agencyId)!;

  const current = async (id: string) =>
    (await (await request.get(`/api/v1/innovations/${id}`, { headers: opd })).json()) as {
      version: number;
      summary: string;
    };
  const foreign = await request.patch(`/api/v1/innovations/${other.id}`, {
    headers: opd,
    data: { version: (await current(other.id)).version, summary: "Bukan milik Disdukcapil" },
  });
  expect(foreign.status()).toBe(403);
  expect((await foreign.json()).error).toMatchObject({
    code: "forbidden_other_agency",
    message: expect.stringContaining("perangkat daerah Anda"),
  });

  const before = await current(payo.id);
  // The same summary again: a real save (version + 1) that leaves the record as other specs expect it.
  const own = await request.patch(`/api/v1/innovations/${payo.id}`, {
    headers: opd,
    data: { version: before.version, summary: before.summary },
  });
  expect(own.status()).toBe(200);
  expect((await own.json()).version).toBe(before.version + 1);
});

test("bad input is refused with 422 and a message per field", async ({ request }) => {
  const agencyId = (await (await request.get("/api/v1/me", { headers: opd })).json()).agencyId;
  const fieldsOf = async (res: APIResponse) => {
    expect(res.status()).toBe(422);
    const { error } = (await res.json()) as { error: { code: string; fields: { field: string; message: string }[] } };
    expect(error.code).toBe("validation_failed");
    return Object.fromEntries(error.fields.map((f) => [f.field, f.message])) as Record<string, string>;
  };
  const dates = {
    agencyId,
    stage: "penerapan",
    yearApplied: 2024,
    trialDate: "2024-05-01",
    implementationDate: "2024-01-01",
  };

  const blank = await fieldsOf(
    await request.post("/api/v1/innovations", { headers: bappeda, data: { ...dates, name: "" } }),
  );
  expect(blank.name).toContain("Nama inovasi wajib diisi");
  expect(blank.trialDate).toContain("Waktu uji coba tidak boleh setelah waktu penerapan");

  const english = await fieldsOf(
    await request.post("/api/v1/innovations", {
      headers: { ...bappeda, "accept-language": "en" },
      data: { ...dates, name: "" },
    }),
  );
  expect(Object.keys(english).sort()).toEqual(["name", "trialDate"]);

  // A name left out entirely: zod stops before the cross-field date rule, so only `name` is named.
  const missing = await fieldsOf(await request.post("/api/v1/innovations", { headers: bappeda, data: dates }));
  expect(missing.name).toBeTruthy();

  const notJson = await request.post("/api/v1/innovations", {
    headers: { ...bappeda, "content-type": "application/json" },
    data: "{oops",
  });
  expect(notJson.status()).toBe(422);
});

test("the OpenAPI document is public and lists the innovation endpoints", async ({ request }) => {
  const res = await request.get("/api/v1/openapi.json");
  expect(res.status()).toBe(200);
  expect(res.headers()["cache-control"]).toContain("max-age=");
  const doc = await res.json();
  expect(doc.openapi).toMatch(/^3\.1\./);
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(["/api/v1/innovations", "/api/v1/innovations/{id}", "/api/v1/innovations/{id}/archive"]),
  );
  expect(doc.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
});
