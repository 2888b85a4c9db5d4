import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { and, eq, sql } from "drizzle-orm";
import { aggregateCache } from "@/db/schema/beneficiaries";
import { undoBatch } from "@/lib/beneficiaries/batches";
import { innovationImpact } from "@/lib/beneficiaries/impact";
import { NotFoundError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { openHandMadeDatabase, storeServiceRecords } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

describe.each(databaseCases())("impact per innovation (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let ids: { payo: string; pakKur: string };

  beforeAll(async () => {
    ({ handle, ids } = await openHandMadeDatabase(database));
  });
  afterAll(() => handle.close());

  it("counts distinct residents and records by month, kecamatan, desa, sex and age band for one year", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const impact = await innovationImpact({ ctx, innovationId: ids.payo, query: { year: "2023" } });
    expect(impact.year).toBe(2023);
    expect(impact.years).toEqual([2024, 2023]);
    // A (2 records), B, C — the duplicate of A's first record was not stored; D is in 2024.
    expect(impact.totals).toEqual({
      records: 4,
      residents: 3,
      amount: null,
      firstDate: "2023-01-10",
      lastDate: "2023-02-14",
    });
    expect(impact.byMonth).toEqual([
      { month: "2023-01", records: 2, residents: 2, amount: null },
      { month: "2023-02", records: 2, residents: 2, amount: null },
    ]);
    expect(impact.byKecamatan).toEqual([
      { code: "18.11.01", name: "Mesuji", records: 2, residents: 1 },
      { code: "18.11.02", name: "Mesuji Timur", records: 1, residents: 1 },
      { code: null, name: null, records: 1, residents: 1 },
    ]);
    expect(impact.byDesa).toEqual([
      { code: "18.11.01.2001", name: "Wiralaga I", kecamatanCode: "18.11.01", records: 2, residents: 1 },
      { code: "18.11.02.2001", name: "Talang Batu", kecamatanCode: "18.11.02", records: 1, residents: 1 },
      { code: null, name: null, kecamatanCode: null, records: 1, residents: 1 },
    ]);
    expect(impact.bySex).toEqual([
      { sex: "L", residents: 1 },
      { sex: "P", residents: 2 },
    ]);
    // Ages at each resident's latest service in 2023: A 33, B 37, C 12.
    expect(impact.byAgeBand).toEqual([
      { band: "0-4", residents: 0 },
      { band: "5-14", residents: 1 },
      { band: "15-24", residents: 0 },
      { band: "25-44", residents: 2 },
      { band: "45-64", residents: 0 },
      { band: "65+", residents: 0 },
    ]);
    expect(impact.bySexAge.find((b) => b.band === "25-44")).toEqual({ band: "25-44", L: 1, P: 1 });
    expect(impact.bySexAge.find((b) => b.band === "5-14")).toEqual({ band: "5-14", L: 0, P: 1 });
    expect(impact.byServiceType.map((t) => [t.serviceType, t.records, t.residents])).toEqual([
      ["Perekaman KTP-el", 2, 2],
      ["Akta Kelahiran", 1, 1],
      ["Kartu Keluarga", 1, 1],
    ]);
  });

  it("covers every year without a year, and sums amounts where records carry them", async () => {
    const ctx = await ctxFor(handle.db, "evaluator@demo.local");
    const payo = await innovationImpact({ ctx, innovationId: ids.payo });
    expect(payo.year).toBeNull();
    expect(payo.totals).toMatchObject({ records: 5, residents: 4, lastDate: "2024-03-01" });
    // D: 64 at the service on 2024-03-01.
    expect(payo.bySexAge.find((b) => b.band === "45-64")).toEqual({ band: "45-64", L: 1, P: 0 });
    const kur = await innovationImpact({ ctx, innovationId: ids.pakKur });
    expect(kur.totals).toMatchObject({ records: 3, residents: 2, amount: { sum: 75_000_000, count: 2 } });
    expect(kur.byMonth).toEqual([
      { month: "2023-06", records: 2, residents: 2, amount: 75_000_000 },
      { month: "2023-07", records: 1, residents: 1, amount: null },
    ]);
    expect(kur.byServiceType.find((t) => t.serviceType === "Akad KUR Mikro")).toMatchObject({
      records: 2,
      amount: 75_000_000,
    });
    expect(JSON.stringify([payo, kur])).not.toMatch(/\d{16}/);
  });

  it("answers zeros for a year without records, 404 for another innovation id, 422 for a bad year", async () => {
    const ctx = await ctxFor(handle.db, "opd@demo.local");
    const empty = await innovationImpact({ ctx, innovationId: ids.payo, query: { year: 2019 } });
    expect(empty.totals).toEqual({ records: 0, residents: 0, amount: null, firstDate: null, lastDate: null });
    expect(empty.byMonth).toEqual([]);
    expect(empty.bySex).toEqual([
      { sex: "L", residents: 0 },
      { sex: "P", residents: 0 },
    ]);
    expect(
      await caught(innovationImpact({ ctx, innovationId: "00000000-0000-4000-8000-000000000000" })),
    ).toBeInstanceOf(NotFoundError);
    expect(await caught(innovationImpact({ ctx, innovationId: "not-a-uuid" }))).toBeInstanceOf(NotFoundError);
    expect(await caught(innovationImpact({ ctx, innovationId: ids.payo, query: { year: "dua ribu" } }))).toBeInstanceOf(
      ValidationError,
    );
    expect(await caught(innovationImpact({ ctx, innovationId: ids.payo, query: { year: "1999" } }))).toBeInstanceOf(
      ValidationError,
    );
  });

  it("keeps the aggregate until the innovation's records change, then recomputes it (an import, an undo)", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const key = `impact:${ids.pakKur}:all`;
    const first = await innovationImpact({ ctx, innovationId: ids.pakKur });
    const [row] = await handle.db.select().from(aggregateCache).where(eq(aggregateCache.key, key));
    // The cached figures; the amount unit is the innovation's current setting, read fresh each time.
    const { amountUnit, ...figures } = first;
    expect(amountUnit).toBe("IDR");
    expect(row.payload).toEqual(figures);
    expect(JSON.stringify(row.payload)).not.toMatch(/\d{16}/);
    // Read back, not recomputed: a marker put into the stored figures comes back as it is.
    const marked = and(eq(aggregateCache.key, key), eq(aggregateCache.regionCode, "18.11"));
    await handle.db
      .update(aggregateCache)
      .set({ payload: sql`jsonb_set(payload, '{totals,records}', '-1')` })
      .where(marked);
    expect((await innovationImpact({ ctx, innovationId: ids.pakKur })).totals.records).toBe(-1);
    // A new batch of records: recomputed, the marker gone, the new record counted.
    const added = await storeServiceRecords(handle.db, ids.pakKur, [
      { nik: "1811054107950077", date: "2024-02-02", type: "Akad KUR Mikro", amount: 5_000_000 },
    ]);
    const after = await innovationImpact({ ctx, innovationId: ids.pakKur });
    expect(after.totals).toMatchObject({ records: first.totals.records + 1, residents: first.totals.residents + 1 });
    // Another import and the undo of the first, with no read between: as many batches are done as
    // before, yet the records differ — recomputed all the same.
    await handle.db
      .update(aggregateCache)
      .set({ payload: sql`jsonb_set(payload, '{totals,records}', '-1')` })
      .where(marked);
    const other = await storeServiceRecords(handle.db, ids.pakKur, [
      { nik: "1811054107950078", date: "2024-02-03", type: "Akad KUR Mikro", amount: 7_000_000 },
    ]);
    await undoBatch({ ctx, input: { batchId: added.batchId } });
    const swapped = await innovationImpact({ ctx, innovationId: ids.pakKur });
    expect(swapped.totals).toMatchObject({
      records: first.totals.records + 1,
      amount: { sum: first.totals.amount!.sum + 7_000_000 },
    });
    // Both undone: back to the first figures.
    await undoBatch({ ctx, input: { batchId: other.batchId } });
    expect(await innovationImpact({ ctx, innovationId: ids.pakKur })).toEqual(first);
  });

  it("needs a signed-in user", async () => {
    const anonymous = await ctxFor(handle.db, null);
    expect(await caught(innovationImpact({ ctx: anonymous, innovationId: ids.payo }))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
