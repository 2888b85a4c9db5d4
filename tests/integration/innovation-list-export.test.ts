import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { innovations } from "@/db/schema/innovations";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { catalogueCoverage } from "@/lib/innovations/coverage";
import { EXPORT_HEADERS } from "@/lib/innovations/export-columns";
import { type ExportInnovationsInput, prepareInnovationExport } from "@/lib/innovations/export-innovations";
import { csvStream, xlsxStream } from "@/lib/innovations/export-stream";
import { listInnovations } from "@/lib/innovations/list-innovations";
import { agencyIdByCode, ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    chunks.push(value);
  }
}

describe.each(databaseCases())("innovation catalogue export and coverage (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  const bappeda = () => ctxFor(handle.db, "bappeda@demo.local");
  const failOnError = (error: unknown) => {
    throw error;
  };

  async function exportFile(input: ExportInnovationsInput) {
    const view = await prepareInnovationExport({ ctx: await bappeda(), input });
    const stream = view.format === "xlsx" ? xlsxStream(view.pages, failOnError) : csvStream(view.pages, failOnError);
    return { view, bytes: await readAll(stream) };
  }
  const listed = async (input: Record<string, string>) =>
    listInnovations({ ctx: await bappeda(), input: { ...input, limit: 500 } });

  beforeAll(async () => {
    handle = await database.open();
    await seedDemoData(handle.db);
    // A name a spreadsheet would run as a formula, and one with a quote, comma and line break.
    await handle.db
      .update(innovations)
      .set({ name: '=HYPERLINK("http://x")' })
      .where(eq(innovations.name, "Bank Sampah Desa"));
    await handle.db
      .update(innovations)
      .set({ summary: 'Loket "desa", dua\nbaris' })
      .where(eq(innovations.name, "Pak Kur"));
  });
  afterAll(() => handle.close());

  it("exports the filtered, sorted view as CSV that parses back to the same rows in the same order", async () => {
    const filters = { stage: "penerapan", innovationType: "digital", sort: "yearApplied", dir: "desc" };
    const { view, bytes } = await exportFile({ ...filters, format: "csv" } as ExportInnovationsInput);
    const text = bytes.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const records: Record<string, string>[] = parse(text, { bom: true, columns: true });
    const page = await listed(filters);
    expect(view.total).toBe(page.total);
    expect(records).toHaveLength(page.total);
    expect(records.map((r) => r.nama_inovasi)).toEqual(page.items.map((i) => i.name));
    expect(Object.keys(records[0])).toEqual([...EXPORT_HEADERS]);
    for (const r of records) expect(r).toMatchObject({ tahapan: "penerapan", jenis: "digital" });
    const payo = records.find((r) => r.nama_inovasi === "Payo Beladas")!;
    expect(payo).toMatchObject({ perangkat_daerah: expect.stringContaining("Kependudukan"), data_contoh: "tidak" });
    expect(payo.urusan_lain.split("; ").length).toBeGreaterThan(0);
  });

  it("keeps profile fields only and neutralises formulas", async () => {
    const { bytes } = await exportFile({ format: "csv", includeArchived: true });
    const text = bytes.toString("utf8");
    expect(text).not.toMatch(/\bnik\b/i);
    const records: Record<string, string>[] = parse(text, { bom: true, columns: true });
    const formula = records.find((r) => r.nama_inovasi.includes("HYPERLINK"))!;
    expect(formula.nama_inovasi.startsWith("=")).toBe(false);
    expect(records).toHaveLength((await listed({ includeArchived: "true" })).total);
  });

  it("exports the same view as XLSX that exceljs reads back, numbers as numbers", async () => {
    const filters = { q: "desa", sort: "name" };
    const { view, bytes } = await exportFile({ ...filters, format: "xlsx" } as ExportInnovationsInput);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Inovasi")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...EXPORT_HEADERS]);
    const page = await listed(filters);
    expect(view.total).toBe(page.total);
    expect(sheet.actualRowCount - 1).toBe(page.total);
    const names: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toEqual(page.items.map((i) => i.name));
    const yearCell = sheet.getRow(2).getCell(EXPORT_HEADERS.indexOf("tahun") + 1).value;
    expect(typeof yearCell).toBe("number");
  });

  it("exports nothing but the header for an empty view, and refuses a bad filter before streaming", async () => {
    const { view, bytes } = await exportFile({ format: "csv", q: "tidak-ada-inovasi-seperti-ini" });
    expect(view.total).toBe(0);
    expect(parse(bytes.toString("utf8"), { bom: true })).toEqual([[...EXPORT_HEADERS]]);
    expect(
      await caught(prepareInnovationExport({ ctx: await bappeda(), input: { stage: "selesai" as "inisiatif" } })),
    ).toBeInstanceOf(ValidationError);
  });

  it("counts coverage for the current filters, listing every agency, while the basic-service check stays region-wide", async () => {
    const ctx = await bappeda();
    const dinkes = await agencyIdByCode(handle.db, "DINKES");
    const whole = await catalogueCoverage({ ctx });
    const filtered = await catalogueCoverage({ ctx, input: { agencyId: dinkes, innovationType: "non_digital" } });
    const page = await listed({ agencyId: dinkes, innovationType: "non_digital" });
    expect(filtered.total).toBe(page.total);
    for (const s of filtered.byStage) expect(s.count).toBe(page.items.filter((i) => i.stage === s.stage).length);
    expect(filtered.byAffair.reduce((sum, a) => sum + a.count, 0)).toBe(page.items.filter((i) => i.mainAffair).length);
    expect(filtered.byAgency).toHaveLength(whole.byAgency.length);
    expect(filtered.byAgency.find((a) => a.agencyId === dinkes)!.count).toBe(page.total);
    expect(filtered.byAgency.filter((a) => a.agencyId !== dinkes).every((a) => a.count === 0)).toBe(true);
    expect(filtered.basicServices).toEqual(whole.basicServices);
  });

  it("lets every reading role see coverage, and only them", async () => {
    for (const email of ["opd@demo.local", "pimpinan@demo.local", "evaluator@demo.local"]) {
      expect((await catalogueCoverage({ ctx: await ctxFor(handle.db, email) })).basicServices).toHaveLength(6);
    }
    const stranger = { ...(await bappeda()), actor: { ...(await bappeda()).actor!, role: "nobody" as never } };
    expect(await caught(catalogueCoverage({ ctx: stranger }))).toBeInstanceOf(ForbiddenError);
  });
});
