import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiOperationObject } from "zod-openapi";
import type { CrossProgrammeSummary } from "@/lib/beneficiaries/cross-programme";
import { impactQuery, type InnovationImpact } from "@/lib/beneficiaries/impact";
import { lookupInput, type LookupResult } from "@/lib/beneficiaries/lookup";
import { revealInput, type RevealResult } from "@/lib/beneficiaries/reveal";
import { crossProgrammeQuery } from "@/lib/beneficiaries/cross-programme";
import { SERVICE_CHANNELS } from "@/lib/beneficiaries/import/values";
import { AGE_BANDS } from "@/lib/nik";
import { errors, json, ok } from "./common";

/*
 * Paths of resident look-up, NIK reveal and impact aggregates; merged into the document by
 * ./document.ts. Responses are written by hand (the lib functions return plain objects); the
 * SameKeys checks at the bottom make `tsc` fail when they drift from the lib result types.
 */

const uuid = z.uuid();
const day = z.iso.date();
const sex = z.enum(["L", "P"]).meta({ description: "L laki-laki (male), P perempuan (female), as encoded in the NIK" });
const ageBand = z.enum(AGE_BANDS);
const masked = z
  .string()
  .meta({ description: "The NIK masked: area prefix and serial only", example: "181101******0001" });
const month = z.string().meta({ description: "YYYY-MM", example: "2023-06" });

const innovationId = z.object({
  id: uuid.meta({ description: "Innovation id; anything that is not a UUID answers 404" }),
});
const residentId = z.object({
  id: uuid.meta({ description: "Resident id from a look-up; anything that is not a UUID answers 404" }),
});

// The request bodies are the schemas the functions parse with, so the document cannot drift from them.
const lookupBody = lookupInput.meta({ id: "ResidentLookupRequest" });

const lookupResult = z
  .object({
    found: z.boolean(),
    maskedNik: masked,
    resident: z
      .object({
        id: uuid,
        sex,
        ageBand: ageBand.meta({ description: "Age band today (WIB)" }),
        area: z
          .object({
            code: z.string().meta({ description: "The NIK's 6-digit area of first issue", example: "181101" }),
            kecamatan: z.string().nullable(),
            kabupatenKota: z.string().nullable(),
            provinsi: z.string().nullable(),
          })
          .meta({ description: "Where the NIK was issued (Kemendagri list); names null when the code is not listed" }),
      })
      .nullable()
      .meta({ description: "Null when no service was ever recorded for this NIK" }),
    programmes: z.array(
      z.object({
        innovationId: uuid,
        innovationName: z.string(),
        agencyShortName: z.string(),
        archived: z.boolean(),
        records: z.int(),
        firstDate: day,
        lastDate: day,
        amount: z.number().nullable().meta({ description: "Sum of the recorded amounts, null when none carries one" }),
        amountUnit: z.string().nullable().meta({
          description: "What the amount means: `IDR` rupiah, a unit word such as `dokumen`, or null for a plain number",
        }),
      }),
    ),
    services: z
      .array(
        z.object({
          innovationId: uuid,
          innovationName: z.string(),
          serviceDate: day,
          serviceType: z.string(),
          desaCode: z.string().nullable().meta({ example: "18.11.01.2001" }),
          desaName: z.string().nullable(),
          kecamatanName: z.string().nullable(),
          channel: z
            .enum(SERVICE_CHANNELS)
            .nullable()
            .meta({ description: "Where the service was given, when the imported file said (column kanal)" }),
          amount: z.number().nullable(),
          amountUnit: z.string().nullable(),
        }),
      )
      .meta({ description: "Newest first, at most 500 (see `truncated`)" }),
    totalRecords: z.int(),
    truncated: z.boolean(),
  })
  .meta({
    id: "ResidentLookup",
    description: "Everything that reached one resident, across innovations. No NIK, no name",
  });

const revealBody = revealInput.meta({ id: "ResidentRevealRequest" });

const revealResult = z
  .object({
    residentId: uuid,
    maskedNik: masked,
    nik: z.string().nullable().meta({ description: "The full NIK, when asked for" }),
    name: z.string().nullable().meta({ description: "The name, when asked for and ever imported" }),
  })
  .meta({ id: "ResidentReveal" });

const count = { records: z.int(), residents: z.int().meta({ description: "Distinct residents" }) };
const place = z.object({
  code: z.string().nullable().meta({ description: "Null: records without a desa" }),
  name: z.string().nullable(),
  ...count,
});

const impactResult = z
  .object({
    innovationId: uuid,
    year: z.int().nullable(),
    amountUnit: z.string().nullable().meta({
      description: "What the amounts mean: `IDR` rupiah, a unit word such as `dokumen`, or null for a plain number",
    }),
    years: z.array(z.int()).meta({ description: "Years with records, newest first" }),
    totals: z.object({
      ...count,
      amount: z
        .object({ sum: z.number(), count: z.int() })
        .nullable()
        .meta({ description: "Null when no record carries an amount" }),
      firstDate: day.nullable(),
      lastDate: day.nullable(),
    }),
    byMonth: z.array(z.object({ month, ...count, amount: z.number().nullable() })),
    byKecamatan: z
      .array(place)
      .meta({ description: "Where the service was recorded (the record's desa), not where the NIK was issued" }),
    byDesa: z.array(place.extend({ kecamatanCode: z.string().nullable() })),
    bySex: z.array(z.object({ sex, residents: z.int() })),
    byAgeBand: z
      .array(z.object({ band: ageBand, residents: z.int() }))
      .meta({ description: "Age at the resident's latest service in the period" }),
    bySexAge: z.array(z.object({ band: ageBand, L: z.int(), P: z.int() })),
    byServiceType: z.array(z.object({ serviceType: z.string(), ...count, amount: z.number().nullable() })),
  })
  .meta({
    id: "InnovationImpact",
    description: "Aggregates of one innovation's service records; no NIK, no names, no resident ids",
  });

const crossProgrammeResult = z
  .object({
    year: z.int().nullable(),
    residents: z.int(),
    multiProgramme: z.int().meta({ description: "Residents reached by two or more innovations" }),
    byProgrammeCount: z.array(
      z.object({ programmes: z.int().meta({ description: "1, 2, 3, or 4 meaning 4 or more" }), residents: z.int() }),
    ),
    combinations: z.array(
      z.object({ innovations: z.array(z.object({ id: uuid, name: z.string() })), residents: z.int() }),
    ),
  })
  .meta({ id: "CrossProgrammeSummary" });

function op(
  operationId: string,
  summary: string,
  rest: Omit<ZodOpenApiOperationObject, "operationId">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["residents"], summary, ...rest };
}

export const residentPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/residents/lookup": {
    post: op("lookupResident", "Every innovation and service that reached one resident (admin, Bappeda); audited", {
      description:
        'The NIK goes in the JSON body, never in the URL. An invalid NIK answers 422 with `fields[0].field = "nik"` and the ' +
        "specific reason (length, Excel damage, birth date, serial). Every look-up, found or not, writes an audit row with the " +
        "resident's id or `not_found` — never the NIK.",
      requestBody: { required: true, content: json(lookupBody) },
      responses: {
        200: ok("The masked NIK, derived facts and the services; `found: false` when none", lookupResult),
        ...errors(401, 403, 422),
      },
    }),
  },
  "/api/v1/residents/{id}/reveal": {
    post: op(
      "revealResident",
      "Decrypt a resident's NIK and/or name (admin, Bappeda: permission resident.reveal); audited",
      {
        description:
          "Each call writes an audit row (who, which resident, which fields, the reason) without the revealed values.",
        requestParams: { path: residentId },
        requestBody: { required: false, content: json(revealBody) },
        responses: { 200: ok("The revealed values", revealResult), ...errors(401, 403, 404, 422, 500) },
      },
    ),
  },
  "/api/v1/residents/cross-programme": {
    get: op(
      "getCrossProgramme",
      "How many residents several innovations reach, and the commonest combinations (aggregates)",
      {
        requestParams: { query: crossProgrammeQuery },
        responses: { 200: ok("Counts only", crossProgrammeResult), ...errors(401, 403, 422) },
      },
    ),
  },
  "/api/v1/innovations/{id}/impact": {
    get: op(
      "getInnovationImpact",
      "Impact of one innovation: distinct residents and records by month, place, sex and age band",
      {
        requestParams: { path: innovationId, query: impactQuery },
        responses: { 200: ok("Aggregates only", impactResult), ...errors(401, 403, 404, 422) },
      },
    ),
  },
};

export const residentTags: { name: string; description: string }[] = [
  {
    name: "residents",
    description:
      "NIK-linked beneficiaries: look-up of one resident across innovations, the audited reveal of a NIK or name, and impact aggregates. NIKs appear masked everywhere except in a reveal.",
  },
];

// ---- drift guards (compile time) -------------------------------------------------------------
type SameKeys<A, B> = Record<Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>, never>;
type Out<S extends z.ZodType> = z.output<S>;
const _driftGuards: [
  SameKeys<Out<typeof lookupResult>, LookupResult>,
  SameKeys<NonNullable<Out<typeof lookupResult>["resident"]>, NonNullable<LookupResult["resident"]>>,
  SameKeys<Out<typeof lookupResult>["programmes"][number], LookupResult["programmes"][number]>,
  SameKeys<Out<typeof lookupResult>["services"][number], LookupResult["services"][number]>,
  SameKeys<Out<typeof revealResult>, RevealResult>,
  SameKeys<Out<typeof impactResult>, InnovationImpact>,
  SameKeys<Out<typeof impactResult>["totals"], InnovationImpact["totals"]>,
  SameKeys<Out<typeof impactResult>["byDesa"][number], InnovationImpact["byDesa"][number]>,
  SameKeys<Out<typeof crossProgrammeResult>, CrossProgrammeSummary>,
] = [{}, {}, {}, {}, {}, {}, {}, {}, {}];
void _driftGuards;
