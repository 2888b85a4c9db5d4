import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as template from "@/app/api/v1/beneficiaries/template/route";
import * as importRoute from "@/app/api/v1/innovations/[id]/beneficiaries/import/route";
import type { DatabaseHandle } from "@/db/client";
import { buildBeneficiaryTemplate } from "@/lib/beneficiaries/import/template";
import { openHandMadeDatabase } from "@/tests/helpers/beneficiary-fixtures";
import { callRoute } from "@/tests/helpers/routes";
import { databaseCases } from "../support";
import { ctxFor } from "@/tests/helpers/fixtures";

/* The downloadable beneficiary template: columns, an example row the import refuses, and (XLSX) the desa codes. */

const bappeda = { email: "bappeda@demo.local" };

describe.each(databaseCases())("GET /api/v1/beneficiaries/template (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let ids: { payo: string; pakKur: string };
  const call = (h: unknown, method: string, caller: { email: string | null }, rest = {}) =>
    callRoute(handle.db, h, method, caller, rest);

  beforeAll(async () => {
    ({ handle, ids } = await openHandMadeDatabase(database));
  });
  afterAll(() => handle.close());

  it("CSV: the import's columns and one example row, which the import refuses if left in", async () => {
    const csv = await call(template.GET, "GET", bappeda, { query: "?format=csv" });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toContain("templat-penerima-manfaat.csv");
    const lines = String(csv.body)
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe("nik;nama;tanggal_layanan;jenis_layanan;kode_desa;nilai;kanal");
    expect(lines).toHaveLength(2);

    const dry = await call(importRoute.POST, "POST", bappeda, {
      params: { id: ids.payo },
      query: "?dryRun=true",
      body: new TextEncoder().encode(String(csv.body)),
      headers: { "content-type": "text/csv", "x-file-name": "templat.csv" },
    });
    expect(dry).toMatchObject({ status: 200, body: { rows: 1, accepted: 0, rejected: 1 } });
    // Refused for being the example only: every other example value is one the import accepts.
    expect(dry.body.errors.map((e: { code: string }) => e.code)).toEqual(["example_row"]);
  });

  it("XLSX: a data sheet with the columns, and a sheet of every desa code with its name and kecamatan", async () => {
    const xlsx = await call(template.GET, "GET", bappeda, { query: "?format=xlsx" });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const built = await buildBeneficiaryTemplate({
      ctx: await ctxFor(handle.db, "bappeda@demo.local"),
      input: { format: "xlsx" },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(built.bytes) as unknown as ArrayBuffer);
    const [data, desa] = workbook.worksheets;
    expect(data.getRow(1).values).toEqual([
      undefined,
      "nik",
      "nama",
      "tanggal_layanan",
      "jenis_layanan",
      "kode_desa",
      "nilai",
      "kanal",
    ]);
    expect(String(data.getCell("B2").value)).toMatch(/^\[CONTOH\]/);
    expect(data.getCell("G2").value).toBe("loket_desa");
    expect(JSON.stringify(data.getCell("G1").note)).toMatch(/loket_desa.*jemput_bola/);
    expect(desa.name).toBe("Kode desa");
    expect(desa.rowCount - 1).toBe(105);
    expect(desa.getRow(2).values).toEqual([undefined, "18.11.01.2001", "Wiralaga I", "18.11.01", expect.any(String)]);
  });

  it("refuses an unknown format (422) and roles that cannot import (403)", async () => {
    expect(await call(template.GET, "GET", bappeda, { query: "?format=pdf" })).toMatchObject({
      status: 422,
      body: { error: { code: "validation_failed" } },
    });
    expect((await call(template.GET, "GET", { email: "pimpinan@demo.local" }, { query: "?format=csv" })).status).toBe(
      403,
    );
  });
});
