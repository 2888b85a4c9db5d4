import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { dashboardSummary } from "@/lib/analytics/dashboard";
import { RUPIAH } from "@/lib/beneficiaries/amount-unit";
import { innovationImpact } from "@/lib/beneficiaries/impact";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { getInnovation } from "@/lib/innovations/get-innovation";
import { updateInnovation } from "@/lib/innovations/update-innovation";
import { openHandMadeDatabase } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor } from "@/tests/helpers/fixtures";
import { databaseCases } from "./support";

/* What an innovation's `nilai` means: declared per innovation, carried to the impact, kept apart on the dashboard. */

describe.each(databaseCases())("amount unit per innovation (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let ids: { payo: string; pakKur: string };

  const importCsv = async (innovationId: string, csv: string) => {
    const report = await importServiceRecords(await ctxFor(handle.db, "bappeda@demo.local"), {
      innovationId,
      open: () =>
        openRecordFile(
          (async function* () {
            yield Buffer.from(csv);
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
  };

  beforeAll(async () => {
    ({ handle, ids } = await openHandMadeDatabase(database));
    // Pak Kur lends rupiah; Payo Beladas counts documents, one per row.
    await importCsv(
      ids.pakKur,
      "nik,tanggal_layanan,jenis_layanan,kode_desa,nilai\n1811015501900001,2025-03-01,Akad KUR Mikro,18.11.01.2001,5000000\n",
    );
    await importCsv(
      ids.payo,
      "nik,tanggal_layanan,jenis_layanan,kode_desa,nilai\n1811015501900002,2025-03-02,KTP-el,18.11.01.2001,1\n1811015501900003,2025-03-03,KK,18.11.01.2001,1\n",
    );
  });
  afterAll(() => handle.close());

  it("the demo declares Pak Kur in rupiah and Payo Beladas in documents, and the impact says so", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    expect((await innovationImpact({ ctx, innovationId: ids.pakKur })).amountUnit).toBe(RUPIAH);
    const payo = await innovationImpact({ ctx, innovationId: ids.payo, query: { year: "2025" } });
    expect(payo.amountUnit).toBe("dokumen");
    expect(payo.totals.amount).toEqual({ sum: 2, count: 2 });
  });

  it("the dashboard's rupiah total adds only rupiah innovations, never documents", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const summary = await dashboardSummary({ ctx, input: { year: 2025 } });
    expect(summary.totals.amount).toBe(5_000_000);
    expect(summary.byInnovation.find((i) => i.id === ids.payo)?.amount).toBeNull();
  });

  it("is changed in the profile, 'Rupiah' read as IDR, and a patch without it keeps it", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const before = await getInnovation({ ctx, id: ids.payo });
    await updateInnovation({ ctx, input: { id: ids.payo, version: before.version, amountUnit: "Rupiah" } });
    const rupiah = await getInnovation({ ctx, id: ids.payo });
    expect(rupiah.amountUnit).toBe(RUPIAH);
    await updateInnovation({ ctx, input: { id: ids.payo, version: rupiah.version, summary: "Ringkasan baru" } });
    const kept = await getInnovation({ ctx, id: ids.payo });
    expect(kept.amountUnit).toBe(RUPIAH);
    await updateInnovation({ ctx, input: { id: ids.payo, version: kept.version, amountUnit: "" } });
    expect((await getInnovation({ ctx, id: ids.payo })).amountUnit).toBeNull();
  });
});
