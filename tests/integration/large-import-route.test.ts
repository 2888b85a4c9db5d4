import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { importBatches, serviceRecords } from "@/db/schema/beneficiaries";
import { innovations } from "@/db/schema/innovations";
import { createToken } from "@/lib/tokens/create-token";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { databaseCases } from "./support";

/*
 * A 30 MB service-record file through the real route handler (a real Request, a bearer token, the
 * app's database): every data row must be counted and stored. Before the fix the body went through
 * req.formData() (whole in memory) and, behind the proxy, arrived cut at 10 MB.
 */

const TARGET_BYTES = 30 * 1024 * 1024;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/**
 * Distinct valid rows (one resident per row, so none is a duplicate) of about 1.2 KB each: a long
 * note in a column the import ignores keeps the row count (and the test's time) modest.
 */
function writeCsv(file: string): { rows: number; bytes: number } {
  const out = fs.openSync(file, "w");
  let bytes = 0;
  let rows = 0;
  const note = "Catatan petugas loket tentang layanan yang diberikan kepada warga. ".repeat(14);
  const push = (line: string) => {
    fs.writeSync(out, line);
    bytes += Buffer.byteLength(line);
  };
  push("nik,nama,tanggal_layanan,jenis_layanan,kode_desa,nilai,keterangan\n");
  const lines: string[] = [];
  while (bytes < TARGET_BYTES) {
    const i = rows++;
    // 181101 + ddmmyy + serial: day 1–28, month 1–12, year 50–99, serial 1–9999 → unique per i.
    const nik = `181101${pad((i % 28) + 1)}${pad((Math.floor(i / 28) % 12) + 1)}${pad(50 + (Math.floor(i / 336) % 50))}${pad((Math.floor(i / 16800) % 9999) + 1, 4)}`;
    const line = `${nik},Warga ${i},2024-${pad((i % 12) + 1)}-${pad((i % 28) + 1)},KTP-el,,,${note}\n`;
    lines.push(line);
    bytes += Buffer.byteLength(line);
    if (lines.length >= 10_000) {
      fs.writeSync(out, lines.join(""));
      lines.length = 0;
    }
  }
  if (lines.length) fs.writeSync(out, lines.join(""));
  fs.closeSync(out);
  return { rows, bytes: fs.statSync(file).size };
}

const fileRequest = (url: string, token: string, file: string, init: { multipart?: boolean; length?: number } = {}) => {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.length !== undefined) headers["content-length"] = String(init.length);
  if (init.multipart) {
    const boundary = "----inovasi-test-boundary";
    headers["content-type"] = `multipart/form-data; boundary=${boundary}`;
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.csv"\r\nContent-Type: text/csv\r\n\r\n`;
    const stream = Readable.from(
      (async function* () {
        yield Buffer.from(head);
        for await (const chunk of fs.createReadStream(file)) yield chunk as Buffer;
        yield Buffer.from(`\r\n--${boundary}--\r\n`);
      })(),
    );
    return new Request(url, {
      method: "POST",
      headers,
      body: Readable.toWeb(stream) as ReadableStream,
      duplex: "half",
    } as RequestInit);
  }
  headers["content-type"] = "text/csv";
  return new Request(url, {
    method: "POST",
    headers,
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: "half",
  } as RequestInit);
};

describe.each(databaseCases())("a 30 MB import through the HTTP route (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let token: string;
  let innovationId: string;
  let dir: string;
  let file: string;
  let expected: { rows: number; bytes: number };
  const app = globalThis as unknown as { appDatabase?: Promise<DatabaseHandle> };

  beforeAll(async () => {
    installTestNikKeys();
    handle = await database.open();
    await seedDemoData(handle.db);
    // The route handlers open the app's database through appDb(): hand them this one.
    app.appDatabase = Promise.resolve(handle);
    const admin = await ctxFor(handle.db, "admin@demo.local");
    token = (await createToken({ ctx: admin, input: { email: "bappeda@demo.local", name: "uji besar" } })).token;
    [{ id: innovationId }] = await handle.db
      .select({ id: innovations.id })
      .from(innovations)
      .where(eq(innovations.name, "Payo Beladas"));
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "inovasi-large-"));
    file = path.join(dir, "besar.csv");
    expected = writeCsv(file);
  });
  afterAll(async () => {
    app.appDatabase = undefined;
    fs.rmSync(dir, { recursive: true, force: true });
    await handle?.close();
  });

  it("imports every row of a 30 MB multipart upload and reports them all", { timeout: 600_000 }, async () => {
    expect(expected.bytes).toBeGreaterThan(TARGET_BYTES);
    const { POST } = await import("@/app/api/v1/innovations/[id]/beneficiaries/import/route");
    const url = `http://127.0.0.1/api/v1/innovations/${innovationId}/beneficiaries/import`;
    const res = await POST(fileRequest(url, token, file, { multipart: true }), {
      params: Promise.resolve({ id: innovationId }),
    });
    const report = (await res.json()) as {
      status: string;
      rows: number;
      accepted: number;
      rejected: number;
      batchId: string;
    };
    expect(res.status).toBe(200);
    expect(report).toMatchObject({ status: "done", rows: expected.rows, accepted: expected.rows, rejected: 0 });
    const [stored] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(serviceRecords)
      .where(and(eq(serviceRecords.innovationId, innovationId), eq(serviceRecords.batchId, report.batchId)));
    expect(stored.n).toBe(expected.rows);
  });

  it(
    "refuses a body over IMPORT_MAX_BYTES with 413 and the limit in words, storing nothing",
    { timeout: 120_000 },
    async () => {
      const { POST } = await import("@/app/api/v1/innovations/[id]/beneficiaries/import/route");
      const previous = process.env.IMPORT_MAX_BYTES;
      const { env } = await import("@/lib/config/env");
      const limits = env() as { IMPORT_MAX_BYTES: number };
      const before = limits.IMPORT_MAX_BYTES;
      limits.IMPORT_MAX_BYTES = 10 * 1024 * 1024;
      try {
        const url = `http://127.0.0.1/api/v1/innovations/${innovationId}/beneficiaries/import`;
        const batchesBefore = (await handle.db.select({ id: importBatches.id }).from(importBatches)).length;
        // Streamed without a Content-Length: the limit is found while reading, mid-import.
        for (const multipart of [false, true]) {
          const res = await POST(fileRequest(url, token, file, { multipart }), {
            params: Promise.resolve({ id: innovationId }),
          });
          expect(res.status).toBe(413);
          const body = (await res.json()) as { error: { code: string; message: string } };
          expect(body.error.code).toBe("records_too_large");
          expect(body.error.message).toContain("10 MB");
        }
        // Announced too large: refused before reading.
        const announced = await POST(fileRequest(url, token, file, { length: expected.bytes }), {
          params: Promise.resolve({ id: innovationId }),
        });
        expect(announced.status).toBe(413);
        expect((await handle.db.select({ id: importBatches.id }).from(importBatches)).length).toBe(batchesBefore);
      } finally {
        limits.IMPORT_MAX_BYTES = before;
        if (previous === undefined) delete process.env.IMPORT_MAX_BYTES;
      }
    },
  );
});
