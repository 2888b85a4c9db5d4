import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject } from "zod-openapi";
import { errors, json, ok } from "./common";
import { op, timestamp, year } from "./paths-iga";
import { PROFILE_2026_FIELDS } from "@/db/schema/innovation-vocabulary";

/* The IGA rule sets (frameworks) per year: read by everyone, copied, edited and activated by administrators. */

const frameworkSummary = z
  .object({
    year: z.int(),
    name: z.string(),
    status: z.enum(["draft", "active"]).meta({ description: "Only an active framework takes levels and evidence" }),
    version: z.int(),
    regionIndicators: z.int(),
    innovationIndicators: z.int(),
    assessments: z.int().meta({ description: "Assessments of this year in the caller's region" }),
    updatedAt: timestamp,
  })
  .meta({ id: "IgaFrameworkSummary" });

const indicator = z
  .object({
    code: z.string().meta({ example: "INV-01" }),
    name: z.string(),
    scope: z.enum(["region", "innovation"]),
    weight: z.number(),
    levels: z.array(z.string()).length(3).meta({ description: "Descriptions of level 1, 2 and 3" }),
    evidence: z.string().meta({ description: "The evidence (data dukung) evaluators accept" }),
    mandatory: z.boolean(),
  })
  .meta({ id: "IgaIndicator" });

const framework = z
  .object({
    year: z.int(),
    name: z.string(),
    status: z.enum(["draft", "active"]),
    version: z.int(),
    indicators: z.array(indicator),
    categories: z
      .array(z.object({ name: z.string(), min: z.number(), max: z.number() }))
      .meta({ description: "Highest band first" }),
    formula: z.object({
      maxTotal: z.number(),
      divisorFloor: z.int(),
      countFactor: z.number(),
      countCap: z.int(),
      minBasicServiceAffairs: z
        .int()
        .nullable()
        .meta({
          description:
            "2026: the count score is 0 unless this many of `basicServiceAffairs` are covered; null: no gate",
        }),
      basicServiceAffairs: z
        .array(z.string())
        .optional()
        .meta({ description: "Urusan codes the gate counts (default: the six basic-service affairs)" }),
      eligibleYearsBack: z
        .int()
        .optional()
        .meta({ description: "Eligible innovations were applied in the year or up to this many years before" }),
      maxAssessmentYears: z
        .int()
        .nullable()
        .optional()
        .meta({ description: "Most assessment years per innovation; null: no limit" }),
      requiredProfileFields: z
        .array(z.enum(PROFILE_2026_FIELDS))
        .optional()
        .meta({
          description:
            "Profile fields each innovation sent must have (2026: the five of the 2026 profile); left out of an edit, the stored list is kept",
        }),
    }),
    sources: z
      .array(
        z.object({
          title: z.string(),
          reference: z.string().meta({ description: "A URL or a decree/letter number" }),
          date: z.string(),
        }),
      )
      .optional(),
    parameterStatus: z
      .record(z.string(), z.object({ status: z.enum(["official", "assumed"]), note: z.string() }))
      .optional()
      .meta({
        description: "Per parameter (e.g. `divisorFloor`, `categories.Inovatif`): confirmed by a decree or assumed",
      }),
    rawFormula: z
      .record(z.string(), z.unknown())
      .meta({ description: "The stored formula with any extra data (e.g. benefit thresholds)" }),
  })
  .meta({ id: "IgaFramework" });

/** The editable part of a rule set, as PUT /api/v1/iga/frameworks/{year} takes it (the year is the path's). */
const frameworkEdit = z
  .object({
    version: z
      .int()
      .min(1)
      .meta({ description: "The version read; another edit since then answers 409 `iga_stale_framework`" }),
    name: z.string(),
    indicators: z
      .array(indicator)
      .min(1)
      .meta({
        description:
          "Matched to the stored ones by code; removing one that has assessments answers 409 `iga_indicator_in_use`",
      }),
    categories: z
      .array(z.object({ name: z.string(), min: z.number(), max: z.number() }))
      .min(1)
      .meta({ description: "Highest band first, without overlaps" }),
    formula: z.object({
      maxTotal: z
        .number()
        .meta({ description: "Must equal the region maximum + the innovation maximum + countCap × countFactor" }),
      divisorFloor: z.int(),
      countFactor: z.number(),
      countCap: z.int(),
      minBasicServiceAffairs: z
        .int()
        .nullable()
        .meta({
          description:
            "2026: the count score is 0 unless this many of `basicServiceAffairs` are covered; null: no gate",
        }),
      basicServiceAffairs: z
        .array(z.string())
        .optional()
        .meta({ description: "Urusan codes the gate counts (default: the six basic-service affairs)" }),
      eligibleYearsBack: z
        .int()
        .optional()
        .meta({ description: "Eligible innovations were applied in the year or up to this many years before" }),
      maxAssessmentYears: z
        .int()
        .nullable()
        .optional()
        .meta({ description: "Most assessment years per innovation; null: no limit" }),
      requiredProfileFields: z
        .array(z.enum(PROFILE_2026_FIELDS))
        .optional()
        .meta({
          description:
            "Profile fields each innovation sent must have (2026: the five of the 2026 profile); left out of an edit, the stored list is kept",
        }),
    }),
    sources: z
      .array(
        z.object({
          title: z.string(),
          reference: z.string().meta({ description: "A URL or a decree/letter number" }),
          date: z.string(),
        }),
      )
      .optional()
      .meta({ description: "Left out: the stored sources are kept" }),
    parameterStatus: z
      .record(z.string(), z.object({ status: z.enum(["official", "assumed"]), note: z.string() }))
      .optional()
      .meta({
        description: "Per parameter (e.g. `divisorFloor`, `categories.Inovatif`): confirmed by a decree or assumed",
      }),
  })
  .meta({ id: "IgaFrameworkEdit" });

export const igaFrameworkPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/iga/frameworks": {
    get: op("listIgaFrameworks", "The IGA rule sets, one per year, newest first", {
      responses: { 200: ok("All frameworks", z.object({ items: z.array(frameworkSummary) })), ...errors(401, 403) },
    }),
    post: op("cloneIgaFramework", "Copy a year's rule set into a new year, as a draft (administrators)", {
      requestBody: {
        content: json(z.object({ fromYear: z.int().min(2000).max(2100), toYear: z.int().min(2000).max(2100) })),
      },
      responses: { 200: ok("The copy", framework), ...errors(401, 403, 404, 409, 422) },
    }),
  },
  "/api/v1/iga/frameworks/{year}": {
    get: op("getIgaFramework", "One year's rule set: indicators, categories and formula constants", {
      requestParams: { path: year },
      responses: { 200: ok("The framework", framework), ...errors(401, 403, 404) },
    }),
    put: op("updateIgaFramework", "Replace a year's rule set: indicators, categories, formula (administrators)", {
      requestParams: { path: year },
      requestBody: { content: json(frameworkEdit) },
      responses: { 200: ok("The framework as saved (version + 1)", framework), ...errors(401, 403, 404, 409, 422) },
    }),
  },
  "/api/v1/iga/frameworks/{year}/status": {
    put: op(
      "setIgaFrameworkStatus",
      "Activate a year's rule set (it then takes levels and evidence) or withdraw it to draft (administrators)",
      {
        requestParams: { path: year },
        requestBody: {
          content: json(
            z.object({
              status: z.enum(["draft", "active"]),
              version: z.int().min(1).meta({ description: "The version read" }),
            }),
          ),
        },
        responses: { 200: ok("The framework with its new status", framework), ...errors(401, 403, 404, 409, 422) },
      },
    ),
  },
};
