import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as rejectedRows from "@/app/api/v1/import-batches/[batchId]/rejected-rows/route";
import * as batch from "@/app/api/v1/import-batches/[batchId]/route";
import * as undo from "@/app/api/v1/import-batches/[batchId]/undo/route";
import * as batches from "@/app/api/v1/innovations/[id]/beneficiaries/batches/route";
import * as importRoute from "@/app/api/v1/innovations/[id]/beneficiaries/import/route";
import * as jobs from "@/app/api/v1/innovations/[id]/beneficiaries/jobs/route";
import * as impact from "@/app/api/v1/innovations/[id]/impact/route";
import * as serviceRecords from "@/app/api/v1/innovations/[id]/service-records/route";
import * as reveal from "@/app/api/v1/residents/[id]/reveal/route";
import * as crossProgramme from "@/app/api/v1/residents/cross-programme/route";
import * as lookup from "@/app/api/v1/residents/lookup/route";
import type { DatabaseHandle } from "@/db/client";
import { NIK, openHandMadeDatabase } from "@/tests/helpers/beneficiary-fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";

/* The beneficiary and resident routes, called as Next calls them, on a real database. */

const bappeda = { email: "bappeda@demo.local" };
const leader = { email: "pimpinan@demo.local" };
const FIXTURE = fs.readFileSync(
  path.join(process.cwd(), "tests/fixtures/beneficiaries/payo-beladas-semicolon-bom-crlf.csv"),
);
const SIXTEEN_DIGITS = /\d{16}/;

describe.each(databaseCases())("beneficiary API routes (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let ids: { payo: string; pakKur: string };
  const call = (h: unknown, method: string, caller: { email: string | null }, rest = {}) =>
    callRoute(handle.db, h, method, caller, rest);

  beforeAll(async () => {
    ({ handle, ids } = await openHandMadeDatabase(database));
  });
  afterAll(() => handle.close());

  it("POST import: a CSV body imports, the batch is listed and read, its rejected rows download, undo removes it", async () => {
    const csv = {
      params: { id: ids.payo },
      body: new Uint8Array(FIXTURE),
      headers: { "content-type": "text/csv", "x-file-name": "payo.csv" },
    };
    const dry = await call(importRoute.POST, "POST", bappeda, { ...csv, query: "?dryRun=true" });
    expect(dry).toMatchObject({
      status: 200,
      body: { dryRun: true, status: "checked", rows: 12, accepted: 4, rejected: 7 },
    });
    const done = await call(importRoute.POST, "POST", bappeda, csv);
    expect(done).toMatchObject({ status: 200, body: { status: "done", accepted: 4 } });
    expect(await call(importRoute.POST, "POST", bappeda, { ...csv, query: "?mode=strict" })).toMatchObject({
      status: 422,
      body: { error: { code: "records_rejected_strict" } },
    });
    expect(await call(importRoute.POST, "POST", bappeda, { ...csv, query: "?columns=nope" })).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed" } },
    });
    const noFile = await call(importRoute.POST, "POST", bappeda, { params: { id: ids.payo }, body: new FormData() });
    expect(noFile).toMatchObject({ status: 422, body: { error: { code: "no_file" } } });

    const listed = await call(batches.GET, "GET", bappeda, { params: { id: ids.payo } });
    expect(listed.body.batches.map((b: { id: string }) => b.id)).toContain(done.body.batchId);
    const read = await call(batch.GET, "GET", bappeda, { params: { batchId: done.body.batchId } });
    expect(read).toMatchObject({
      status: 200,
      body: { id: done.body.batchId, status: "done", canDownloadRejected: true },
    });
    const rows = await call(rejectedRows.GET, "GET", bappeda, { params: { batchId: done.body.batchId } });
    expect(rows.status).toBe(200);
    expect(rows.headers.get("content-disposition")).toContain("payo-ditolak.csv");
    expect(
      await call(rejectedRows.GET, "GET", { email: "admin@demo.local" }, { params: { batchId: done.body.batchId } }),
    ).toMatchObject({ status: 404, body: { error: { code: "rejected_rows_unavailable" } } });
    expect(await call(undo.POST, "POST", bappeda, { params: { batchId: done.body.batchId } })).toMatchObject({
      status: 200,
      body: { status: "undone" },
    });
    expect(await call(undo.POST, "POST", bappeda, { params: { batchId: done.body.batchId } })).toMatchObject({
      status: 409,
      body: { error: { code: "batch_not_undoable" } },
    });
  });

  // Runs after the test above, whose import was undone: the file's rows are new again.
  it("POST jobs answers 202 with the batch id at once; the batch is then readable", async () => {
    const started = await call(jobs.POST, "POST", bappeda, {
      params: { id: ids.payo },
      query: "?dryRun=true",
      body: new Uint8Array(FIXTURE),
      headers: { "content-type": "text/csv" },
    });
    expect(started).toMatchObject({ status: 202, body: { batchId: expect.any(String) } });
    let state = await call(batch.GET, "GET", bappeda, { params: { batchId: started.body.batchId } });
    for (let i = 0; i < 100 && state.body.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      state = await call(batch.GET, "GET", bappeda, { params: { batchId: started.body.batchId } });
    }
    expect(state.body).toMatchObject({
      status: "checked",
      dryRun: true,
      rows: 12,
      accepted: 4,
      duplicates: 1,
      rejected: 7,
    });
  });

  it("POST service-records: a JSON batch with an Idempotency-Key replays the first answer", async () => {
    const body = {
      records: [
        {
          nik: NIK.C,
          nama: "Citra Lestari",
          tanggal_layanan: "2024-05-02",
          jenis_layanan: "Akad KUR Mikro",
          nilai: 1_000_000,
        },
      ],
    };
    const headers = { "idempotency-key": "kur-routes-1" };
    const first = await call(serviceRecords.POST, "POST", bappeda, { params: { id: ids.pakKur }, body, headers });
    expect(first).toMatchObject({ status: 200, body: { accepted: 1 } });
    const again = await call(serviceRecords.POST, "POST", bappeda, { params: { id: ids.pakKur }, body, headers });
    expect(again).toMatchObject({ status: 200, body: { batchId: first.body.batchId } });
    expect(again.headers.get("idempotency-replayed")).toBe("true");
    expect(
      await call(serviceRecords.POST, "POST", bappeda, { params: { id: ids.pakKur }, body: { records: [] }, headers }),
    ).toMatchObject({ status: 409, body: { error: { code: "idempotency_conflict" } } });
    expect(
      await call(serviceRecords.POST, "POST", bappeda, {
        params: { id: ids.pakKur },
        body: "{",
        headers: { "content-type": "application/json" },
      }),
    ).toMatchObject({ status: 422 });
  });

  it("impact and cross-programme answer aggregates, never a NIK; look-up and reveal are for Bappeda and audited", async () => {
    const shown = await call(impact.GET, "GET", leader, { params: { id: ids.payo }, query: "?year=2023" });
    expect(shown).toMatchObject({ status: 200, body: { year: 2023, totals: { residents: 3 } } });
    expect(JSON.stringify(shown.body)).not.toMatch(SIXTEEN_DIGITS);
    const both = await call(crossProgramme.GET, "GET", leader);
    expect(both.status).toBe(200);
    expect(JSON.stringify(both.body)).not.toMatch(SIXTEEN_DIGITS);

    const found = await call(lookup.POST, "POST", bappeda, { body: { nik: NIK.A } });
    expect(found).toMatchObject({ status: 200, body: { found: true, maskedNik: "181101******0001" } });
    expect(found.headers.get("cache-control")).toBe("no-store");
    expect(await call(lookup.POST, "POST", bappeda, { body: { nik: "123" } })).toMatchObject({ status: 422 });
    const revealed = await call(reveal.POST, "POST", bappeda, { params: { id: found.body.resident.id } });
    expect(revealed).toMatchObject({ status: 200, body: { nik: NIK.A, name: "Siti Aminah" } });
  });
});
