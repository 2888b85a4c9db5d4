import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiOperationObject } from "zod-openapi";
import { dashboardFilters } from "@/lib/analytics/filters";
import { igaResultInput } from "@/lib/trends/iga-results";
import { AGE_BANDS } from "@/lib/nik";
import { errors, json, ok } from "./common";

/* The leaders' dashboard and the IGA results over the years; merged into the document by ./document.ts. */

const count = z.int().min(0);
const place = z.object({ code: z.string(), name: z.string(), residents: count, records: count });
const named = z.object({ id: z.uuid(), name: z.string() });

const summary = z
  .object({
    filters: z.record(z.string(), z.unknown()).meta({ description: "The filters as understood" }),
    population: z.object({ year: z.int(), population: z.int(), source: z.string() }).nullable(),
    totals: z.object({ residents: count, records: count, amount: z.number().nullable(), innovations: count }),
    stages: z.array(z.object({ stage: z.string(), innovations: count })),
    years: z.array(z.int()),
    byMonth: z.array(
      z.object({
        month: z.string().meta({ example: "2024-03" }),
        residents: count,
        records: count,
        amount: z.number().nullable(),
      }),
    ),
    byKecamatan: z.array(place),
    byDesa: z.array(place.extend({ kecamatanCode: z.string() })),
    sexAge: z.array(z.object({ band: z.enum(AGE_BANDS), L: count, P: count })),
    byInnovation: z.array(
      named.extend({ agencyId: z.uuid(), residents: count, records: count, amount: z.number().nullable() }),
    ),
    byAgency: z.array(named.extend({ residents: count })),
    byUrusan: z.array(z.object({ urusan: z.string(), residents: count })),
    overlap: z.array(z.object({ innovations: z.enum(["1", "2", "3", "4+"]), residents: count })),
    pairs: z.array(z.object({ a: named, b: named, residents: count })),
  })
  .meta({
    id: "ImpactSummary",
    description: "Distinct residents (exact), service records and amounts; aggregates only, never a NIK or a name",
  });

const igaResult = z
  .object({
    year: z.int(),
    nationalRank: z.int().nullable(),
    provinceRank: z.int().nullable(),
    index: z.number().nullable().meta({ description: "Null when no index was published: never guessed" }),
    category: z.string().nullable(),
    innovationsReported: z.int().nullable(),
    award: z.string().nullable(),
    source: z.string().nullable().meta({ description: "Decree number or URL" }),
    version: z
      .int()
      .meta({ description: "Send it back with PUT: a stale version is refused with 409 iga_result_stale" }),
  })
  .meta({ id: "IgaResult" });

function op(
  operationId: string,
  summary: string,
  rest: Omit<ZodOpenApiOperationObject, "operationId">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["dashboard"], summary, ...rest };
}

export const dashboardTags = [
  { name: "dashboard", description: "Leaders' dashboard (aggregates) and the regency's IGA results over the years" },
];

export const dashboardPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/impact/summary": {
    get: op(
      "getImpactSummary",
      "Every chart of the leaders' dashboard for one filter combination (roles with impact.read)",
      {
        description:
          "A year, or a month range `from`/`to` (YYYY-MM); `kecamatan` is a Kemendagri code such as 18.11.04. Exact distinct counts.",
        requestParams: { query: dashboardFilters },
        responses: { 200: ok("The figures", summary), ...errors(401, 403, 422) },
      },
    ),
  },
  "/api/v1/iga/results": {
    get: op("listIgaResults", "The regency's IGA results per year, each with its source", {
      responses: { 200: ok("Oldest year first", z.object({ items: z.array(igaResult) })), ...errors(401, 403) },
    }),
  },
  "/api/v1/iga/results/{year}": {
    put: op("saveIgaResult", "Create or correct one year's result (admin, Bappeda); audited", {
      requestParams: { path: z.object({ year: z.string().meta({ example: "2023" }) }) },
      requestBody: { required: true, content: json(igaResultInput) },
      responses: {
        200: ok("The stored result; `version` is one higher", igaResult),
        ...errors(401, 403, 404, 409, 422),
      },
    }),
  },
};
