import { z } from "zod";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { activeYear, frameworkYears } from "@/lib/iga/frameworks";
import { publicCount, SUPPRESSION_THRESHOLD } from "@/lib/gallery/suppress";
import {
  estimates,
  innovationCounts,
  type Estimate,
  type InnovationCounts,
  publishedResults,
  type PublishedResult,
  reachCounts,
} from "./figures";
import { reachOf } from "./reach";

/**
 * A count of people or of their services as the roll-up shows it: exact from 10 up, "<10" below;
 * "x" for a total hidden so that a small count cannot be worked out from it.
 */
export type SuppressedCount = number | "<10" | "x";

export interface RegionRow {
  code: string;
  name: string;
  innovations: InnovationCounts;
  estimate: Estimate | null;
  published: PublishedResult | null;
  reach: { residents: SuppressedCount; records: SuppressedCount };
}

export interface RegionSummary {
  year: number;
  /** The years with an IGA rule set, newest first: the page's year choices. */
  years: number[];
  scope: string;
  provinceName: string | null;
  /** The provinces the caller may choose from (a national user's with data; a province user's own). */
  provinces: { code: string; name: string }[];
  regions: RegionRow[];
  totals: { innovations: InnovationCounts; reach: { residents: SuppressedCount; records: SuppressedCount } };
}

export const regionSummaryInput = z.object({
  /** Default: the IGA pages' year (the most recent active rule set). */
  year: z.coerce.number().int("v.rollUpYear").min(2010, "v.rollUpYear").max(2100, "v.rollUpYear").optional(),
  province: z
    .string()
    .regex(/^\d{2}$/, "v.rollUpProvince")
    .optional(),
});

/**
 * One column of people counts: each region's cell exact from 10, "<10" below; the total only when
 * the cells under 10 hold nobody, else "x". A total is never shown beside a small count it would
 * give away — not in this table, nor by subtracting across tables of other reaches (a national
 * user's province filter): every figure shown is a region's exact count or a sum of exact counts.
 */
function suppressColumn(values: number[]): { cells: SuppressedCount[]; total: SuppressedCount } {
  const total = values.reduce((sum, v) => sum + v, 0);
  const small = values.reduce((sum, v) => (v < SUPPRESSION_THRESHOLD ? sum + v : sum), 0);
  return { cells: values.map(publicCount), total: small === 0 ? publicCount(total) : "x" };
}

/**
 * The regions in the caller's reach side by side for a year (province and national users):
 * innovations, the IGA estimate and the published rank, residents reached and service records.
 * Aggregates only; counts of people under 10 are suppressed.
 */
export async function regionSummary({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<RegionSummary> {
  const actor = requirePermission(ctx, "region.summary.read");
  const parsed = parseInput(regionSummaryInput, input);
  const [years, active] = await Promise.all([frameworkYears(ctx.db), activeYear(ctx.db)]);
  const year = parsed.year ?? active ?? new Date().getFullYear();
  const province = parsed.province;
  const reach = await reachOf(ctx.db, actor, province);
  const codes = reach.regions.map((r) => r.code);
  const [counts, reached, results, scored] = await Promise.all([
    innovationCounts(ctx.db, codes),
    reachCounts(ctx.db, codes, year),
    publishedResults(ctx.db, codes, year),
    estimates(ctx.db, codes, year),
  ]);
  const residents = suppressColumn(codes.map((c) => reached.get(c)?.residents ?? 0));
  const records = suppressColumn(codes.map((c) => reached.get(c)?.records ?? 0));
  const none = { total: 0, published: 0 };
  const regions = reach.regions.map((r, i) => ({
    code: r.code,
    name: r.name,
    innovations: counts.get(r.code) ?? none,
    estimate: scored.get(r.code) ?? null,
    published: results.get(r.code) ?? null,
    reach: { residents: residents.cells[i], records: records.cells[i] },
  }));
  const totals = {
    innovations: regions.reduce(
      (sum, r) => ({ total: sum.total + r.innovations.total, published: sum.published + r.innovations.published }),
      none,
    ),
    reach: { residents: residents.total, records: records.total },
  };
  const { scope, provinceName, provinces } = reach;
  return { year, years, scope, provinceName, provinces, regions, totals };
}
