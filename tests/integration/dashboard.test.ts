import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/db/client";
import { serviceFactPacks, serviceFacts } from "@/db/schema/analytics";
import { innovations } from "@/db/schema/innovations";
import { dashboardSummary, type DashboardSummary } from "@/lib/analytics/dashboard";
import { forgetRegionFacts } from "@/lib/analytics/fact-store";
import { dashboardFilters } from "@/lib/analytics/filters";
import { undoBatch } from "@/lib/beneficiaries/batches";
import { importServiceRecords } from "@/lib/beneficiaries/import/run-import";
import { openRecordFile } from "@/lib/beneficiaries/import/sources";
import { UnauthenticatedError, ValidationError } from "@/lib/errors";
import { mulberry32 } from "@/lib/random";
import { type NaiveDashboard, naiveDashboard } from "@/scripts/bench/naive-dashboard";
import { installTestNikKeys } from "@/tests/helpers/beneficiary-fixtures";
import { ctxFor, seedDemoData } from "@/tests/helpers/fixtures";
import { caught, databaseCases } from "./support";

/*
 * The dashboard's figures come from facts kept in step with the records by the import and the
 * undo; here they must equal the naive count(distinct) over the raw records for every filter.
 */

const DESA = ["18.11.01.2001", "18.11.01.2002", "18.11.02.2001", "18.11.03.2001", "18.11.04.2001", "18.11.04.2002", ""];
const pad = (n: number) => String(n).padStart(2, "0");

/** A CSV of `rows` random records over `people` residents (seeded, so every run is the same). */
function randomCsv(seed: number, rows: number, people: number): string {
  const random = mulberry32(seed);
  const residents = Array.from({ length: people }, (_, i) => {
    const female = random() < 0.5;
    const day = 1 + Math.floor(random() * 28) + (female ? 40 : 0);
    const year = 1950 + Math.floor(random() * 70);
    return {
      nik: `18110${1 + Math.floor(random() * 7)}${pad(day)}${pad(1 + Math.floor(random() * 12))}${pad(year % 100)}${String(i + 1).padStart(4, "0")}`,
      desa: DESA[Math.floor(random() * DESA.length)],
    };
  });
  const lines = ["nik,tanggal_layanan,jenis_layanan,kode_desa,nilai"];
  for (let i = 0; i < rows; i++) {
    const r = residents[Math.floor(random() * people)];
    const date = `${2023 + Math.floor(random() * 2)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
    const desa = random() < 0.1 ? DESA[Math.floor(random() * DESA.length)] : r.desa;
    lines.push(
      `${r.nik},${date},Layanan ${1 + Math.floor(random() * 3)},${desa},${random() < 0.3 ? 1_000_000 * (1 + Math.floor(random() * 9)) : ""}`,
    );
  }
  return lines.join("\n");
}

/** The summary reduced to the naive query's shape (non-zero cells only). */
function asNaive(s: DashboardSummary): Omit<NaiveDashboard, "sexAge"> {
  const nonZero = (entries: [string, number][]) => Object.fromEntries(entries.filter(([, n]) => n > 0));
  return {
    residents: s.totals.residents,
    records: s.totals.records,
    byMonth: nonZero(s.byMonth.map((m) => [m.month, m.residents])),
    byKecamatan: nonZero(s.byKecamatan.map((k) => [k.code, k.residents])),
    byDesa: nonZero([
      ...s.byDesa.map((d) => [d.code, d.residents] as [string, number]),
      ["", s.byKecamatan.find((k) => k.code === "")?.residents ?? 0],
    ]),
    byInnovation: nonZero(s.byInnovation.map((i) => [i.id, i.residents])),
    byAgency: nonZero(s.byAgency.map((a) => [a.id, a.residents])),
    byUrusan: nonZero(s.byUrusan.map((u) => [u.urusan, u.residents])),
    overlap: nonZero(s.overlap.map((o) => [o.innovations === "4+" ? "4" : o.innovations, o.residents])),
    pairs: nonZero(s.pairs.map((p) => [`${p.a.id}+${p.b.id}`, p.residents])),
  };
}

describe.each(databaseCases())("leaders' dashboard (%s)", (_name, database) => {
  let handle: DatabaseHandle;
  let targets: { id: string; agencyId: string; mainAffair: string | null }[];
  const batches: string[] = [];

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
    batches.push(report.batchId!);
    return report;
  };

  beforeAll(async () => {
    installTestNikKeys();
    handle = await database.open();
    await seedDemoData(handle.db);
    const rows = await handle.db
      .select({
        id: innovations.id,
        agencyId: innovations.agencyId,
        mainAffair: innovations.mainAffair,
        name: innovations.name,
      })
      .from(innovations)
      .orderBy(innovations.name)
      .limit(40);
    targets = [rows[0], rows[7], rows[19], rows[33]];
    // Four innovations over the same 120 residents, so many are reached by two or more.
    for (const [k, t] of targets.entries()) await importCsv(t.id, randomCsv(11 + k, 150, 120));
  });
  afterAll(() => handle.close());

  const filterCases = () => [
    {},
    { year: "2023" },
    { year: 2024, kecamatan: "18.11.04" },
    { from: "2023-11", to: "2024-02" },
    { innovationId: targets[1].id },
    { agencyId: targets[2].agencyId, year: "2024" },
    { urusan: targets[3].mainAffair ?? "" },
    { kecamatan: "18.11.01", from: "2024-06" },
  ];

  it("agrees with count(distinct) over the raw records for every filter (residents, records, months, places, innovations, agencies, urusan, overlap, pairs)", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    for (const input of filterCases()) {
      const summary = await dashboardSummary({ ctx, input });
      const naive = await naiveDashboard(handle.db, "18.11", dashboardFilters.parse(input));
      const { sexAge: naiveSexAge, ...rest } = naive;
      expect(asNaive(summary), JSON.stringify(input)).toEqual({
        ...rest,
        pairs: Object.fromEntries(
          Object.entries(rest.pairs)
            .sort(([, a], [, b]) => b - a)
            .slice(0, 10),
        ),
      });
      // Whole years: each resident in the band of their latest service, as the naive query places them.
      if (!("from" in input)) {
        const bands = Object.fromEntries(
          summary.sexAge
            .flatMap((b, k) => [
              [`L:${k}`, b.L],
              [`P:${k}`, b.P],
            ])
            .filter(([, n]) => (n as number) > 0),
        );
        expect(bands, JSON.stringify(input)).toEqual(naiveSexAge);
      }
      expect(summary.totals.residents).toBeGreaterThan(0);
      expect(JSON.stringify(summary)).not.toMatch(/\d{16}/);
    }
  });

  it("follows an import and an undo at the next request, also from a process that loaded the facts before", async () => {
    const ctx = await ctxFor(handle.db, "bappeda@demo.local");
    const before = await dashboardSummary({ ctx, input: { year: 2024 } });
    const report = await importCsv(targets[0].id, randomCsv(99, 60, 200));
    const after = await dashboardSummary({ ctx, input: { year: 2024 } });
    const naive = await naiveDashboard(handle.db, "18.11", dashboardFilters.parse({ year: 2024 }));
    expect(after.totals.residents).toBe(naive.residents);
    expect(after.totals.records).toBeGreaterThan(before.totals.records);
    // The undo removes the batch's facts in its transaction; the next read drops them.
    await undoBatch({ ctx, input: { batchId: report.batchId! } });
    const [left] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(serviceFacts)
      .where(and(eq(serviceFacts.regionCode, "18.11"), eq(serviceFacts.batchId, report.batchId!)));
    expect(left.n).toBe(0);
    const packs = await handle.db
      .select({ batchId: serviceFactPacks.batchId })
      .from(serviceFactPacks)
      .where(eq(serviceFactPacks.batchId, report.batchId!));
    expect(packs).toEqual([]); // the batch's pack goes with its facts
    expect(await dashboardSummary({ ctx, input: { year: 2024 } })).toEqual(before);
    // A fresh process (nothing loaded) reads the same figures from the table.
    forgetRegionFacts(handle.db);
    expect(await dashboardSummary({ ctx, input: { year: 2024 } })).toEqual(before);
  });

  it("loads each batch's facts from its pack, and from the facts themselves where a pack is missing", async () => {
    const ctx = await ctxFor(handle.db, "pimpinan@demo.local");
    const report = await importCsv(targets[1].id, randomCsv(5, 80, 120));
    const [pack] = await handle.db
      .select({ facts: serviceFactPacks.facts, bytes: sql<number>`length(${serviceFactPacks.packed})::int` })
      .from(serviceFactPacks)
      .where(eq(serviceFactPacks.batchId, report.batchId!));
    const [facts] = await handle.db
      .select({ n: sql<number>`count(*)::int` })
      .from(serviceFacts)
      .where(eq(serviceFacts.batchId, report.batchId!));
    expect(pack).toEqual({ facts: facts.n, bytes: facts.n * 12 });
    forgetRegionFacts(handle.db);
    const fromPacks = await dashboardSummary({ ctx, input: {} });
    const naive = await naiveDashboard(handle.db, "18.11", dashboardFilters.parse({}));
    expect(fromPacks.totals.residents).toBe(naive.residents);
    await handle.db.delete(serviceFactPacks).where(eq(serviceFactPacks.batchId, report.batchId!));
    forgetRegionFacts(handle.db);
    expect(await dashboardSummary({ ctx, input: {} })).toEqual(fromPacks);
    await undoBatch({ ctx: await ctxFor(handle.db, "bappeda@demo.local"), input: { batchId: report.batchId! } });
  });

  it("lists every desa of the regency, zeros included, and keeps one kecamatan's desa under its filter", async () => {
    const ctx = await ctxFor(handle.db, "evaluator@demo.local");
    const all = await dashboardSummary({ ctx, input: {} });
    expect(all.byDesa.length).toBe(105);
    expect(all.byDesa.filter((d) => d.residents === 0).length).toBeGreaterThan(90);
    const one = await dashboardSummary({ ctx, input: { kecamatan: "18.11.04" } });
    expect(new Set(one.byDesa.map((d) => d.kecamatanCode))).toEqual(new Set(["18.11.04"]));
    expect(one.byKecamatan.map((k) => k.code)).toEqual(["18.11.04"]);
    // A kecamatan of another regency is nothing here.
    expect((await dashboardSummary({ ctx, input: { kecamatan: "18.71.01" } })).totals.residents).toBe(0);
  });

  it("refuses the anonymous (401) and bad filters (422)", async () => {
    expect(await caught(dashboardSummary({ ctx: await ctxFor(handle.db, null), input: {} }))).toBeInstanceOf(
      UnauthenticatedError,
    );
    const ctx = await ctxFor(handle.db, "opd@demo.local");
    for (const input of [
      { from: "2024-13" },
      { from: "2024-05", to: "2024-01" },
      { kecamatan: "Mesuji" },
      { agencyId: "x" },
      { year: "dua ribu" },
    ]) {
      expect(await caught(dashboardSummary({ ctx, input })), JSON.stringify(input)).toBeInstanceOf(ValidationError);
    }
  });
});
