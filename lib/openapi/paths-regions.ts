import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject } from "zod-openapi";
import { regionSummaryInput } from "@/lib/regions/summary";
import { errors, ok } from "./common";

/* The province's and the nation's roll-up; merged into the document by ./document.ts. */

const suppressed = z
  .union([z.int().min(10), z.literal("<10"), z.literal("x")])
  .meta({ description: 'A count of people or services: exact from 10, "<10" below, "x" hidden beside a small one' });
const innovations = z.object({
  total: z.int().min(0).meta({ description: "Not archived" }),
  published: z.int().min(0).meta({ description: "Shown in the public gallery" }),
});
const reach = z.object({ residents: suppressed, records: suppressed });

const row = z.object({
  code: z.string().meta({ example: "18.11" }),
  name: z.string().meta({ example: "Kabupaten Mesuji" }),
  innovations,
  estimate: z
    .object({ index: z.number(), category: z.string(), innovations: z.int().min(1) })
    .nullable()
    .meta({
      description: "The IGA estimate from what the region submitted for the year; null when it submitted nothing",
    }),
  published: z
    .object({
      nationalRank: z.int().nullable(),
      provinceRank: z.int().nullable(),
      index: z.number().nullable(),
      category: z.string().nullable(),
    })
    .nullable()
    .meta({ description: "The year's published result (decree), when the region recorded one" }),
  reach,
});

const summary = z
  .object({
    year: z.int(),
    years: z.array(z.int()).meta({ description: "Years with an IGA rule set, newest first" }),
    scope: z.string().meta({ description: '"national", or the two-digit province code', example: "18" }),
    provinceName: z.string().nullable(),
    provinces: z
      .array(z.object({ code: z.string().meta({ example: "18" }), name: z.string().meta({ example: "Lampung" }) }))
      .meta({
        description: "The provinces the caller may ask for: a national user's with data, a province user's own",
      }),
    regions: z.array(row).meta({ description: "By region code" }),
    totals: z.object({ innovations, reach }),
  })
  .meta({ id: "RegionSummary" });

export const regionTags = [
  { name: "regions", description: "The province's and the nation's roll-up (province and national users)" },
];

export const regionPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/regions/summary": {
    get: {
      operationId: "regionSummary",
      tags: ["regions"],
      summary: "The regions in the caller's reach side by side for a year (province and national users)",
      description:
        "A province user sees every kabupaten/kota of their province; a national user every one with data, or one province's with `province`. Aggregates only, never a NIK or a name; counts of residents and records under 10 are suppressed. A province user asking for another province gets 403.",
      requestParams: { query: regionSummaryInput },
      responses: { 200: ok("One row per kabupaten/kota", summary), ...errors(401, 403, 422) },
    },
  },
};
