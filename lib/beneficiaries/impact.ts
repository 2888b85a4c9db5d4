import { and, count, countDistinct, eq, gte, lt, max, min, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { residents, serviceRecords } from "@/db/schema/beneficiaries";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError, parseInput } from "@/lib/errors";
import { findInnovation } from "@/lib/innovations/get-innovation";
import { AGE_BANDS, ageBand, type AgeBand } from "@/lib/nik";
import { cachedAggregate, recordsVersion } from "./aggregate-cache";
import { regionNames, type Sex } from "./residents";
import { published } from "@/lib/beneficiaries/published";

/*
 * Impact of one innovation: how many distinct residents it reached, how often, when, where, and
 * whom (sex, age band). Aggregates only — no NIK, no name, no resident id leaves this module.
 *
 * Privacy notes:
 *  - Each breakdown is one dimension at a time (month, kecamatan, desa, sex, age band, sex × age
 *    band); there is no desa × sex × age cross-table, which is where small counts would single
 *    someone out. No small-cell suppression is applied: the figures go to staff of the regency who
 *    could look the records up anyway, and a leader's "3 residents in desa X" names nobody.
 *  - Age is the age at the resident's latest service in the period (not today), so a figure for
 *    2023 does not change as time passes; sex and birth date come from the stored columns that
 *    the import derived from the NIK.
 *  - The result is cached per innovation and year until its records change (./aggregate-cache.ts).
 *  - Kecamatan and desa are where the service was recorded (kode_desa of the record), not where
 *    the NIK was issued; records without a desa count under `code: null`.
 */

const yearParam = z
  .union([z.number(), z.string()])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : Number(v)))
  .pipe(z.number("v.impactYear").int("v.impactYear").min(2000, "v.impactYear").max(2100, "v.impactYear").optional());

export const impactQuery = z.object({
  year: yearParam.meta({
    description: "Only services dated in this calendar year; all years when absent",
    type: "integer",
  }),
});

export interface ImpactCount {
  records: number;
  residents: number;
}
export interface ImpactMonth extends ImpactCount {
  /** YYYY-MM */
  month: string;
  amount: number | null;
}
export interface ImpactPlace extends ImpactCount {
  code: string | null;
  name: string | null;
}
export interface ImpactDesa extends ImpactPlace {
  kecamatanCode: string | null;
}
export interface ImpactSexAge {
  band: AgeBand;
  L: number;
  P: number;
}

export interface InnovationImpact {
  innovationId: string;
  year: number | null;
  /** What the amounts mean: "IDR" rupiah, a unit word, or null (lib/beneficiaries/amount-unit.ts). */
  amountUnit: string | null;
  /** Calendar years that have records, newest first (for a year selector). */
  years: number[];
  totals: ImpactCount & {
    amount: { sum: number; count: number } | null;
    firstDate: string | null;
    lastDate: string | null;
  };
  byMonth: ImpactMonth[];
  byKecamatan: ImpactPlace[];
  byDesa: ImpactDesa[];
  /** Distinct residents by sex. */
  bySex: { sex: Sex; residents: number }[];
  /** Distinct residents by age band, every band listed (zeros included). */
  byAgeBand: { band: AgeBand; residents: number }[];
  bySexAge: ImpactSexAge[];
  byServiceType: (ImpactCount & { serviceType: string; amount: number | null })[];
}

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** The year's service-date range as SQL conditions (a range, so the date index can serve it). */
export function yearRange(year: number | undefined): SQL[] {
  if (year === undefined) return [];
  return [gte(serviceRecords.serviceDate, `${year}-01-01`), lt(serviceRecords.serviceDate, `${year + 1}-01-01`)];
}

export async function innovationImpact({
  ctx,
  innovationId,
  query = {},
}: {
  ctx: Ctx;
  innovationId: string;
  query?: unknown;
}): Promise<InnovationImpact> {
  const actor = requirePermission(ctx, "impact.read");
  const { year } = parseInput(impactQuery, query ?? {});
  const innovation = await findInnovation(ctx.db, actor.regionCode, innovationId);
  if (!innovation) throw new NotFoundError("innovation");
  const base = and(
    eq(serviceRecords.regionCode, actor.regionCode),
    eq(serviceRecords.innovationId, innovation.id),
    published(),
  );
  const where = and(base, ...yearRange(year));
  // Reads every record of the innovation (seconds at a million): kept until its records change.
  const version = await recordsVersion(ctx.db, actor.regionCode, innovation.id);
  const figures = await cachedAggregate(
    ctx.db,
    actor.regionCode,
    `impact:${innovation.id}:${year ?? "all"}`,
    version,
    async () => ({
      innovationId: innovation.id,
      year: year ?? null,
      ...(await aggregate(ctx.db, base!, where!)),
    }),
  );
  // The unit is the innovation's current setting, not part of the cached figures.
  return { ...figures, amountUnit: innovation.amountUnit };
}

async function aggregate(
  db: Executor,
  base: SQL,
  where: SQL,
): Promise<Omit<InnovationImpact, "innovationId" | "year" | "amountUnit">> {
  const sr = serviceRecords;
  const month = sql<string>`to_char(${sr.serviceDate}, 'YYYY-MM')`;
  const kecamatan = sql<string | null>`substr(${sr.desaCode}, 1, 8)`;
  const amountSum = sql<string | null>`sum(${sr.amount})`;

  const yearsQ = db
    .selectDistinct({ year: sql<number>`extract(year from ${sr.serviceDate})::int` })
    .from(sr)
    .where(base);
  const totalsQ = db
    .select({
      records: count(),
      residents: countDistinct(sr.residentId),
      amountSum,
      amountCount: count(sr.amount),
      firstDate: min(sr.serviceDate),
      lastDate: max(sr.serviceDate),
    })
    .from(sr)
    .where(where);
  const monthQ = db
    .select({ month, records: count(), residents: countDistinct(sr.residentId), amount: amountSum })
    .from(sr)
    .where(where)
    .groupBy(month)
    .orderBy(month);
  const kecQ = db
    .select({ code: kecamatan, records: count(), residents: countDistinct(sr.residentId) })
    .from(sr)
    .where(where)
    .groupBy(kecamatan);
  const desaQ = db
    .select({ code: sr.desaCode, records: count(), residents: countDistinct(sr.residentId) })
    .from(sr)
    .where(where)
    .groupBy(sr.desaCode);
  const typeQ = db
    .select({
      serviceType: sr.serviceType,
      records: count(),
      residents: countDistinct(sr.residentId),
      amount: amountSum,
    })
    .from(sr)
    .where(where)
    .groupBy(sr.serviceType);
  // One row per resident reached (sex, age at their latest service), then counted by sex and age.
  const perResident = db
    .select({
      sex: residents.sex,
      age: sql<number>`extract(year from age(max(${sr.serviceDate}), ${residents.birthDate}))::int`.as("age"),
    })
    .from(sr)
    .innerJoin(residents, and(eq(residents.regionCode, sr.regionCode), eq(residents.id, sr.residentId)))
    .where(where)
    .groupBy(residents.id, residents.sex, residents.birthDate)
    .as("per_resident");
  const sexAgeQ = db
    .select({ sex: perResident.sex, age: perResident.age, residents: count() })
    .from(perResident)
    .groupBy(perResident.sex, perResident.age);

  const [years, [totals], months, kecs, desas, types, sexAges] = await Promise.all([
    yearsQ,
    totalsQ,
    monthQ,
    kecQ,
    desaQ,
    typeQ,
    sexAgeQ,
  ]);
  const names = await regionNames(db, [
    ...kecs.flatMap((k) => (k.code ? [k.code] : [])),
    ...desas.flatMap((d) => (d.code ? [d.code] : [])),
  ]);

  // Most residents first; records without a desa ("unknown") last whatever their count.
  const byRecords = <T extends ImpactCount & { code: string | null; name: string | null }>(a: T, b: T) =>
    Number(a.code === null) - Number(b.code === null) ||
    b.residents - a.residents ||
    b.records - a.records ||
    (a.name ?? "").localeCompare(b.name ?? "");

  const bands = new Map<AgeBand, ImpactSexAge>(AGE_BANDS.map((band) => [band, { band, L: 0, P: 0 }]));
  for (const row of sexAges) {
    const entry = bands.get(ageBand(Math.max(0, Number(row.age))))!;
    entry[row.sex] += row.residents;
  }
  const bySexAge = [...bands.values()];

  return {
    years: years.map((y) => Number(y.year)).sort((a, b) => b - a),
    totals: {
      records: totals.records,
      residents: totals.residents,
      amount: totals.amountCount > 0 ? { sum: Number(totals.amountSum ?? 0), count: totals.amountCount } : null,
      firstDate: totals.firstDate ?? null,
      lastDate: totals.lastDate ?? null,
    },
    byMonth: months.map((m) => ({ month: m.month, records: m.records, residents: m.residents, amount: num(m.amount) })),
    byKecamatan: kecs
      .map((k) => ({
        code: k.code,
        name: k.code ? (names.get(k.code) ?? null) : null,
        records: k.records,
        residents: k.residents,
      }))
      .sort(byRecords),
    byDesa: desas
      .map((d) => ({
        code: d.code,
        name: d.code ? (names.get(d.code) ?? null) : null,
        kecamatanCode: d.code ? d.code.slice(0, 8) : null,
        records: d.records,
        residents: d.residents,
      }))
      .sort(byRecords),
    bySex: (["L", "P"] as const).map((sex) => ({ sex, residents: bySexAge.reduce((s, b) => s + b[sex], 0) })),
    byAgeBand: bySexAge.map((b) => ({ band: b.band, residents: b.L + b.P })),
    bySexAge,
    byServiceType: types
      .map((t) => ({ serviceType: t.serviceType, records: t.records, residents: t.residents, amount: num(t.amount) }))
      .sort((a, b) => b.records - a.records || a.serviceType.localeCompare(b.serviceType)),
  };
}
