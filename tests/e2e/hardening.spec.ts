import { expect, test } from "@playwright/test";
import { signedInAs, tokenFor } from "./helpers";

/*
 * Hardening seen from outside, on the production build: an upload over Next's 10 MB proxy body
 * limit arrives whole, cookie-authenticated writes from another site are refused, a client's
 * request id is kept only when it is a UUID.
 */

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** A CSV of `bytes` or more, every row a distinct valid record (a long note in an ignored column). */
function bigCsv(bytes: number): { csv: Buffer; rows: number } {
  const note = "Catatan petugas loket tentang layanan yang diberikan kepada warga. ".repeat(14);
  const parts = ["nik,nama,tanggal_layanan,jenis_layanan,kode_desa,nilai,keterangan\n"];
  let size = parts[0].length;
  let rows = 0;
  while (size < bytes) {
    const i = rows++;
    const nik = `181102${pad((i % 28) + 1)}${pad((Math.floor(i / 28) % 12) + 1)}${pad(50 + (Math.floor(i / 336) % 50))}${pad((Math.floor(i / 16800) % 9999) + 1, 4)}`;
    const line = `${nik},Warga ${i},2024-${pad((i % 12) + 1)}-${pad((i % 28) + 1)},Akta Kelahiran,,,${note}\n`;
    parts.push(line);
    size += line.length;
  }
  return { csv: Buffer.from(parts.join("")), rows };
}

let bappeda: string;
let innovationId: string;

test.beforeAll(async ({ browser }, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const admin = await context.newPage();
  await signedInAs(admin, "admin@demo.local");
  bappeda = await tokenFor(admin, "bappeda@demo.local", "api hardening");
  const list = await admin.request.get("/api/v1/innovations?q=Payo%20Beladas&limit=1", {
    headers: { authorization: `Bearer ${bappeda}` },
  });
  innovationId = (await list.json()).items[0].id;
  await context.close();
});

test("a 12 MB upload (over Next's proxy body limit) is imported whole, as multipart and as a raw body", async ({
  request,
}) => {
  test.setTimeout(300_000);
  const { csv, rows } = bigCsv(12 * 1024 * 1024);
  const url = `/api/v1/innovations/${innovationId}/beneficiaries/import`;
  const multipart = await request.post(url, {
    headers: { authorization: `Bearer ${bappeda}` },
    multipart: { file: { name: "loket.csv", mimeType: "text/csv", buffer: csv } },
    timeout: 240_000,
  });
  expect(multipart.status()).toBe(200);
  expect(await multipart.json()).toMatchObject({ status: "done", rows, accepted: rows, rejected: 0 });
  // The same file again as a raw body: every row is read, all of them now repeats.
  const raw = await request.post(url, {
    headers: { authorization: `Bearer ${bappeda}`, "content-type": "text/csv" },
    data: csv,
    timeout: 240_000,
  });
  expect(raw.status()).toBe(200);
  expect(await raw.json()).toMatchObject({ status: "done", rows, accepted: 0, duplicates: rows });
});

test("a cookie-authenticated write from another site is refused with 403; from the app's own origin it works", async ({
  page,
  baseURL,
}) => {
  await signedInAs(page, "bappeda@demo.local");
  const created = await page.request.post("/api/v1/innovations", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: { name: "Inovasi uji CSRF", status: "draft" },
  });
  // Whatever the validation says, it was not refused as cross-site.
  expect(created.status()).not.toBe(403);
  const forged = await page.request.post(`/api/v1/innovations/${innovationId}/archive`, {
    headers: { origin: "http://evil.example", "content-type": "text/plain" },
    data: '{"archived":true}',
  });
  expect(forged.status()).toBe(403);
  expect((await forged.json()).error.code).toBe("cross_site_request");
  const noOrigin = await page.request.post(`/api/v1/innovations/${innovationId}/archive`, {
    headers: { "content-type": "application/json", "sec-fetch-site": "cross-site" },
    data: { archived: true },
  });
  expect(noOrigin.status()).toBe(403);
  // A server action posted from another site: 403, not a 500.
  const action = await page.request.post("/innovations", {
    headers: {
      origin: "http://evil.example",
      "next-action": "0".repeat(40),
      "content-type": "text/plain;charset=UTF-8",
    },
    data: "[]",
  });
  expect(action.status()).toBe(403);
  const detail = await page.request.get(`/api/v1/innovations/${innovationId}`, {
    headers: { authorization: `Bearer ${bappeda}` },
  });
  expect((await detail.json()).archivedAt ?? null).toBeNull();
});

test("a request id is echoed only when it is a UUID", async ({ request }) => {
  const uuid = "3f2b8c1e-4d5a-4e6f-8a7b-9c0d1e2f3a4b";
  const kept = await request.get("/login", { headers: { "x-request-id": uuid } });
  expect(kept.headers()["x-request-id"]).toBe(uuid);
  const nik = await request.get("/login", { headers: { "x-request-id": "1811010101900001" } });
  expect(nik.headers()["x-request-id"]).not.toContain("1811010101900001");
  expect(nik.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
});

test("HSTS is sent when the request came over TLS (a proxy's X-Forwarded-Proto), not over plain HTTP", async ({
  request,
}) => {
  const tls = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(tls.headers()["strict-transport-security"]).toContain("max-age=");
  const plain = await request.get("/api/health");
  expect(plain.headers()["strict-transport-security"]).toBeUndefined();
});
