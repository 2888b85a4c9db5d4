import { and, eq, like } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { regions } from "@/db/schema/regions";
import { regionFacts } from "@/lib/analytics/fact-store";
import { scanFacts } from "@/lib/analytics/scan";
import { sumCells } from "@/lib/analytics/sum-cells";
import { type PublicCount, publicCount, suppressCells } from "./suppress";

export interface PublicReach {
  /** Distinct residents reached and service records, over all time. */
  residents: PublicCount;
  records: PublicCount;
  /** Every kecamatan of the regency, in code order. */
  byKecamatan: { code: string; name: string; residents: PublicCount; records: PublicCount }[];
  /** Years with services, oldest first. */
  years: number[];
}

/**
 * One innovation's aggregate reach from the analytics facts (the same exact counts the dashboard
 * shows), already suppressed for the public: exact figures never leave this function.
 */
export async function publicReach(db: Executor, regionCode: string, innovationId: string): Promise<PublicReach> {
  const [facts, kecamatan] = await Promise.all([
    regionFacts(db, regionCode),
    db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(and(like(regions.code, `${regionCode}.%`), eq(regions.level, "kecamatan")))
      .orderBy(regions.code),
  ]);
  const n = facts.innovationIds.length;
  const only = new Uint8Array(n);
  const k = facts.innovationIds.indexOf(innovationId);
  if (k >= 0) only[k] = 1;
  const all = { from: 0, to: 2101 * 12 };
  const scan = scanFacts(facts, {
    innovations: only,
    monthFrom: all.from,
    monthTo: all.to,
    kecamatan: null,
    agencyOf: new Int32Array(n).fill(-1),
    urusanOf: new Int32Array(n).fill(-1),
    agencies: 0,
    urusans: 0,
  });
  const sums = sumCells(facts, only, all, null);
  const number = (code: string) => Number(code.split(".")[2]);
  // Records add up to the total, so they get secondary suppression; distinct residents per
  // kecamatan do not add up to the total (one resident may be served in two kecamatan), but they are
  // suppressed the same way, so no cell can be narrowed down from the others.
  const residentCells = suppressCells(kecamatan.map((c) => scan.byKecamatan.get(number(c.code)) ?? 0));
  const recordCells = suppressCells(kecamatan.map((c) => sums.byKecamatan.get(number(c.code)) ?? 0));
  const years = [...new Set([...sums.byMonth.keys()].map((m) => Math.floor(m / 12)))].sort();
  return {
    residents: publicCount(scan.residents),
    records: publicCount(sums.records),
    byKecamatan: kecamatan.map((c, i) => ({
      code: c.code,
      name: c.name,
      residents: residentCells[i],
      records: recordCells[i],
    })),
    years,
  };
}
