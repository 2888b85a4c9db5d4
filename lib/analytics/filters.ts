import { z } from "zod";

/*
 * The dashboard's filters, as the URL and the API carry them. A period is a year, or a range of
 * months (`from`/`to` as YYYY-MM): the facts know services by month, so a month is the finest
 * period whose distinct counts stay exact.
 */

const optionalText = (schema: z.ZodType<string, string>) =>
  z
    .union([z.string(), z.number(), z.undefined(), z.null()])
    .transform((v) => (v === null || v === undefined || String(v).trim() === "" ? undefined : String(v).trim()))
    .pipe(schema.optional())
    .optional();

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "v.dashboardMonth");

export const dashboardFilters = z
  .object({
    year: optionalText(z.string().regex(/^(20\d\d|2100)$/, "v.impactYear")).transform((v) =>
      v === undefined ? undefined : Number(v),
    ),
    from: optionalText(month),
    to: optionalText(month),
    agencyId: optionalText(z.uuid({ error: "v.dashboardAgency" })),
    urusan: optionalText(z.string().max(200, "v.dashboardUrusan")),
    innovationId: optionalText(z.uuid({ error: "v.dashboardInnovation" })),
    kecamatan: optionalText(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, "v.dashboardKecamatan")),
  })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { message: "v.dashboardRange", path: ["to"] });

export type DashboardFilters = z.output<typeof dashboardFilters>;

/** year × 12 + month − 1 */
export const absoluteMonth = (yyyyMm: string) => Number(yyyyMm.slice(0, 4)) * 12 + Number(yyyyMm.slice(5, 7)) - 1;
export const monthLabel = (absolute: number) =>
  `${Math.floor(absolute / 12)}-${String((absolute % 12) + 1).padStart(2, "0")}`;

/** The filters' period as absolute months (inclusive); the year wins over a range. */
export function monthRange(f: DashboardFilters): { from: number; to: number } {
  if (f.year !== undefined) return { from: f.year * 12, to: f.year * 12 + 11 };
  return { from: f.from ? absoluteMonth(f.from) : 0, to: f.to ? absoluteMonth(f.to) : 2101 * 12 };
}

/** Query parameters for these filters (the URL of a drill-down, the CSV link). */
export function filtersToParams(f: Partial<DashboardFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ["year", "from", "to", "agencyId", "urusan", "innovationId", "kecamatan"] as const) {
    const value = f[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  return params;
}
