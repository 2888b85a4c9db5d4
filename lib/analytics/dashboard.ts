import { and, eq, like, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import { regions } from "@/db/schema/regions";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import type { Stage } from "@/lib/innovations/vocabulary";
import { AGE_BANDS, type AgeBand } from "@/lib/nik";
import { regionFacts } from "./fact-store";
import { type PopulationFigure, populationFor } from "./population";
import { type DashboardFilters, dashboardFilters, monthRange } from "./filters";
import { scanFacts } from "./scan";
import { sumCells } from "./sum-cells";
import { RUPIAH } from "@/lib/beneficiaries/amount-unit";

/*
 * Everything the leaders' dashboard shows for one filter combination, in one call: distinct
 * residents from the in-memory facts (exact), records and amounts from the summable cells.
 * Aggregates only — innovations, agencies, places, bands; never a resident.
 */

export interface DashboardSummary {
  filters: DashboardFilters;
  /** The regency's population the reach is set against (the period's year or the nearest on record). */
  population: PopulationFigure | null;
  totals: { residents: number; records: number; amount: number | null; innovations: number };
  stages: { stage: Stage; innovations: number }[];
  /** Calendar years that have services (for the year selector), newest first. */
  years: number[];
  byMonth: { month: string; residents: number; records: number; amount: number | null }[];
  byKecamatan: { code: string; name: string; residents: number; records: number }[];
  /** Every desa of the regency (zeros where no innovation reached), grouped by kecamatan code. */
  byDesa: { code: string; name: string; kecamatanCode: string; residents: number; records: number }[];
  sexAge: { band: AgeBand; L: number; P: number }[];
  byInnovation: {
    id: string;
    name: string;
    agencyId: string;
    residents: number;
    records: number;
    amount: number | null;
  }[];
  byAgency: { id: string; name: string; residents: number }[];
  byUrusan: { urusan: string; residents: number }[];
  overlap: { innovations: "1" | "2" | "3" | "4+"; residents: number }[];
  pairs: { a: { id: string; name: string }; b: { id: string; name: string }; residents: number }[];
}

const TOP_PAIRS = 10;
const pad = (n: number, w: number) => String(n).padStart(w, "0");

interface Places {
  kecamatan: Map<number, { code: string; name: string }>;
  desa: { place: number; code: string; name: string; kecamatanCode: string }[];
}
const placesCache = new Map<string, Places>();

/** The regency's kecamatan and desa (reference data: read once per process). */
async function regionPlaces(db: Executor, regionCode: string): Promise<Places> {
  const cached = placesCache.get(regionCode);
  if (cached) return cached;
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(and(like(regions.code, `${regionCode}.%`), or(eq(regions.level, "kecamatan"), eq(regions.level, "desa"))));
  const places: Places = { kecamatan: new Map(), desa: [] };
  for (const r of rows) {
    const parts = r.code.split(".").map(Number);
    if (r.level === "kecamatan") places.kecamatan.set(parts[2], { code: r.code, name: r.name });
    else
      places.desa.push({
        place: (parts[2] << 16) | parts[3],
        code: r.code,
        name: r.name,
        kecamatanCode: r.code.split(".").slice(0, 3).join("."),
      });
  }
  places.desa.sort((a, b) => a.code.localeCompare(b.code));
  if (rows.length) placesCache.set(regionCode, places);
  return places;
}

export async function dashboardSummary({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<DashboardSummary> {
  const actor = requirePermission(ctx, "impact.read");
  const filters = parseInput(dashboardFilters, input ?? {});
  const region = actor.regionCode;
  const kecamatan =
    filters.kecamatan && filters.kecamatan.startsWith(`${region}.`)
      ? Number(filters.kecamatan.split(".")[2])
      : filters.kecamatan
        ? -1
        : null;

  const periodYear = filters.year ?? (filters.to ? Number(filters.to.slice(0, 4)) : null);
  const [facts, places, innovationRows, agencyRows, population] = await Promise.all([
    regionFacts(ctx.db, region),
    regionPlaces(ctx.db, region),
    ctx.db
      .select({
        id: innovations.id,
        name: innovations.name,
        agencyId: innovations.agencyId,
        urusan: innovations.mainAffair,
        stage: innovations.stage,
        archivedAt: innovations.archivedAt,
        amountUnit: innovations.amountUnit,
      })
      .from(innovations)
      .where(eq(innovations.regionCode, region)),
    ctx.db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.regionCode, region)),
    populationFor(ctx.db, region, periodYear),
  ]);
  const kept = (i: { id: string; agencyId: string; urusan: string | null }) =>
    (!filters.agencyId || i.agencyId === filters.agencyId) &&
    (!filters.urusan || i.urusan === filters.urusan) &&
    (!filters.innovationId || i.id === filters.innovationId);

  const byId = new Map(innovationRows.map((i) => [i.id, i]));
  const agencyIndex = new Map(agencyRows.map((a, k) => [a.id, k]));
  const urusans = [...new Set(innovationRows.map((i) => i.urusan).filter((u): u is string => !!u))].sort();
  const urusanIndex = new Map(urusans.map((u, k) => [u, k]));
  const n = facts.innovationIds.length;
  const allowed = new Uint8Array(n);
  const money = new Uint8Array(n);
  const agencyOf = new Int32Array(n).fill(-1);
  const urusanOf = new Int32Array(n).fill(-1);
  facts.innovationIds.forEach((id, k) => {
    const row = byId.get(id);
    if (!row) return;
    allowed[k] = kept(row) && kecamatan !== -1 ? 1 : 0;
    money[k] = row.amountUnit === RUPIAH ? 1 : 0;
    agencyOf[k] = agencyIndex.get(row.agencyId) ?? -1;
    urusanOf[k] = row.urusan ? urusanIndex.get(row.urusan)! : -1;
  });
  const range = monthRange(filters);
  const scan = scanFacts(facts, {
    innovations: allowed,
    monthFrom: range.from,
    monthTo: range.to,
    kecamatan: kecamatan === -1 ? null : kecamatan,
    agencyOf,
    urusanOf,
    agencies: agencyRows.length,
    urusans: urusans.length,
  });
  const sums = sumCells(facts, allowed, range, kecamatan === -1 ? null : kecamatan, money);

  const live = innovationRows.filter((i) => !i.archivedAt && kept(i));
  const stages = (["inisiatif", "uji_coba", "penerapan"] as const).map((stage) => ({
    stage,
    innovations: live.filter((i) => i.stage === stage).length,
  }));

  const byMonth: DashboardSummary["byMonth"] = [];
  let firstUsed = -1;
  let lastUsed = -1;
  scan.byMonth.forEach((v, k) => {
    const m = scan.firstMonth + k;
    if (v || sums.byMonth.has(m)) {
      if (firstUsed < 0) firstUsed = m;
      lastUsed = m;
    }
  });
  for (let m = firstUsed; firstUsed >= 0 && m <= lastUsed; m++) {
    const cell = sums.byMonth.get(m);
    byMonth.push({
      month: `${Math.floor(m / 12)}-${pad((m % 12) + 1, 2)}`,
      residents: scan.byMonth[m - scan.firstMonth] ?? 0,
      records: cell?.records ?? 0,
      amount: cell?.amount ?? null,
    });
  }

  const byKecamatan = [...places.kecamatan.entries()]
    .filter(([k]) => kecamatan === null || k === kecamatan)
    .map(([k, p]) => ({
      code: p.code,
      name: p.name,
      residents: scan.byKecamatan.get(k) ?? 0,
      records: sums.byKecamatan.get(k) ?? 0,
    }));
  const placeResidents = new Map(facts.places.map((p, k) => [p, scan.byPlace[k]]));
  const byDesa = places.desa
    .filter((d) => kecamatan === null || d.place >> 16 === kecamatan)
    .map((d) => ({
      code: d.code,
      name: d.name,
      kecamatanCode: d.kecamatanCode,
      residents: placeResidents.get(d.place) ?? 0,
      records: sums.byPlace.get(d.place) ?? 0,
    }));

  const byInnovation = facts.innovationIds
    .map((id, k) => ({ id, k, row: byId.get(id) }))
    .filter((x) => x.row && allowed[x.k] && (scan.byInnovation[x.k] || sums.byInnovation.get(x.k)))
    .map((x) => ({
      id: x.id,
      name: x.row!.name,
      agencyId: x.row!.agencyId,
      residents: scan.byInnovation[x.k],
      records: sums.byInnovation.get(x.k)?.records ?? 0,
      amount: sums.byInnovation.get(x.k)?.amount ?? null,
    }))
    .sort((a, b) => b.residents - a.residents || a.name.localeCompare(b.name));

  const pairs: DashboardSummary["pairs"] = [];
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const residents = scan.pairs[a * n + b];
      if (residents)
        pairs.push({
          a: { id: facts.innovationIds[a], name: byId.get(facts.innovationIds[a])?.name ?? "" },
          b: { id: facts.innovationIds[b], name: byId.get(facts.innovationIds[b])?.name ?? "" },
          residents,
        });
    }
  pairs.sort((x, y) => y.residents - x.residents || x.a.name.localeCompare(y.a.name));

  return {
    filters,
    population,
    totals: { residents: scan.residents, records: sums.records, amount: sums.amount, innovations: live.length },
    stages,
    years: sums.years,
    byMonth,
    byKecamatan:
      kecamatan === null
        ? [
            ...byKecamatan,
            ...(scan.byKecamatan.get(0)
              ? [{ code: "", name: "", residents: scan.byKecamatan.get(0)!, records: sums.byKecamatan.get(0) ?? 0 }]
              : []),
          ]
        : byKecamatan,
    byDesa,
    sexAge: AGE_BANDS.map((band, b) => ({ band, L: scan.pyramid[b], P: scan.pyramid[6 + b] })),
    byInnovation,
    byAgency: agencyRows
      .map((a, k) => ({ id: a.id, name: a.name, residents: scan.byAgency[k] }))
      .filter((a) => a.residents > 0)
      .sort((x, y) => y.residents - x.residents || x.name.localeCompare(y.name)),
    byUrusan: urusans
      .map((u, k) => ({ urusan: u, residents: scan.byUrusan[k] }))
      .filter((u) => u.residents > 0)
      .sort((x, y) => y.residents - x.residents || x.urusan.localeCompare(y.urusan)),
    overlap: (["1", "2", "3", "4+"] as const).map((innovations, k) => ({ innovations, residents: scan.overlap[k] })),
    pairs: pairs.slice(0, TOP_PAIRS),
  };
}
