import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiOperationObject } from "zod-openapi";
import { linkEvidenceSchema, reviewFieldsSchema, setLevelSchema } from "@/lib/iga/schemas";
import { errors, json, ok } from "./common";

/*
 * Paths of the IGA area; merged into the document by ./document.ts. Request bodies are the very
 * zod schemas lib/iga parses with (the year and evidence id come from the path, so they are
 * omitted); responses are written here by hand, as in ./schemas.ts.
 */

const uuid = z.uuid();
export const timestamp = z.iso.datetime({ offset: true });
export const year = z.object({
  year: z
    .int()
    .min(2000)
    .max(2100)
    .meta({ description: "The framework year, e.g. 2023", param: { id: "IgaYear" } }),
});
const evidenceId = z.object({
  id: uuid.meta({ description: "Evidence id; anything that is not a UUID answers 404", param: { id: "EvidenceId" } }),
});

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const score = z
  .object({
    year: z.int(),
    innovations: z.int().meta({
      description:
        "n: the region's innovations submitted (or verified) for the year; with `counting=ready` also those ready to send",
    }),
    spd: z.number().meta({ description: "Region-wide indicators (2023: max 63)" }),
    sid: z.number().meta({ description: "Σ innovation scores / max(divisor floor, n) (2023: max 111)" }),
    innovationCountScore: z.number().meta({ description: "min(n, cap) × factor (2023: max 76)" }),
    index: z.number().meta({ description: "(spd + sid + count) / maxTotal × 100, rounded half up to 2 decimals" }),
    category: z.string().meta({
      example: "Sangat Inovatif",
      description: "With n = 0 the lowest band (Tidak Dapat Dinilai) and index 0, whatever the SPD",
    }),
    divisor: z.number().meta({ description: "SID's divisor: max(divisorFloor, n) (2026: max(12, n))" }),
    assessable: z.boolean().meta({ description: "false when n = 0" }),
    basicServiceAffairs: z
      .object({ covered: z.array(z.string()), required: z.int().nullable(), met: z.boolean().nullable() })
      .meta({
        description:
          "The basic-service gate: affairs covered by the counted innovations; `met` null when the year has no gate",
      }),
    counting: z.enum(["submitted", "ready"]).meta({ description: "What counted toward n" }),
    perInnovation: z
      .array(z.object({ id: uuid, name: z.string(), score: z.number(), max: z.number() }))
      .meta({ description: "Best first" }),
  })
  .meta({
    id: "IgaScore",
    description:
      "The estimate from the stored levels and evidence; evidence not yet reviewed counts, evidence marked needs work does not",
  });

const todo = z
  .object({
    items: z.array(
      z.object({
        scope: z.enum(["region", "innovation"]),
        innovationId: uuid.nullable(),
        innovationName: z.string().nullable(),
        indicatorCode: z.string(),
        indicatorName: z.string(),
        fromLevel: level.nullable(),
        toLevel: level,
        toLevelDescription: z.string(),
        missingEvidence: z
          .boolean()
          .meta({ description: "The step is attaching evidence for the level already chosen" }),
        evidenceNeeded: z.string(),
        indexGain: z.number().meta({ description: "Index points (0–100 scale) this one step adds" }),
        maturity: z
          .number()
          .nullable()
          .meta({ description: "Kematangan of the innovation (score / max), null for region steps" }),
        href: z.string().meta({ description: "Where in the app the step is done" }),
      }),
    ),
    total: z.int().meta({ description: "All steps with a gain; `items` holds the first `limit`" }),
    affairs: z.array(z.object({ affair: z.string(), indexGain: z.number(), stillMissing: z.int() })).meta({
      description:
        "While a basic-service gate is shut (2026): the points one more innovation in each missing affair adds",
    }),
  })
  .meta({ id: "IgaTodo", description: "Steps that raise the index, largest gain first" });

const reviewStatus = z.enum(["pending", "accepted", "needs_work"]);

const evidence = z
  .object({
    id: uuid,
    regionCode: z.string(),
    assessmentId: uuid,
    kind: z.enum(["file", "link"]),
    fileId: uuid.nullable(),
    fileName: z.string().nullable(),
    url: z.string().nullable(),
    letterNumber: z.string().nullable(),
    letterDate: z.iso.date().nullable(),
    subject: z.string().nullable(),
    isSample: z.boolean(),
    reviewStatus,
    reviewComment: z.string().nullable(),
    reviewedBy: uuid.nullable(),
    reviewedAt: timestamp.nullable(),
    createdAt: timestamp,
    createdBy: uuid.nullable(),
  })
  .meta({ id: "IgaEvidence" });

export const addedEvidence = evidence
  .extend({
    indicatorCode: z.string(),
    sha256: z.string().nullable(),
    size: z.int().nullable(),
    mimeType: z
      .enum(["application/pdf", "image/png", "image/jpeg"])
      .nullable()
      .meta({ description: "From the file's content, not its name" }),
    deduplicated: z
      .boolean()
      .meta({ description: "The same bytes were already stored; this evidence points at that one copy" }),
  })
  .meta({ id: "IgaEvidenceAdded" });

const assessment = z
  .object({
    id: uuid,
    regionCode: z.string(),
    indicatorId: uuid,
    innovationId: uuid.nullable(),
    subjectKey: z.string().meta({ description: "The innovation id, or `region`" }),
    level: level.nullable(),
    note: z.string().nullable(),
    isSample: z.boolean(),
    version: z.int().meta({ description: "Send it back with the next PUT" }),
    updatedAt: timestamp,
    updatedBy: uuid.nullable(),
    indicatorCode: z.string(),
    year: z.int(),
  })
  .meta({ id: "IgaAssessment" });

const assessments = z
  .object({
    year: z.int(),
    innovationId: uuid.nullable(),
    items: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        scope: z.enum(["region", "innovation"]),
        weight: z.number(),
        levels: z.array(z.string()),
        evidenceNeeded: z.string(),
        level: level.nullable(),
        version: z.int().meta({ description: "0 while no level was ever set" }),
        hasEvidence: z
          .boolean()
          .meta({ description: "Some evidence not marked needs work; without it the indicator scores 0" }),
        score: z.number(),
        max: z.number(),
        proposedLevel: z
          .object({ residents: z.int(), level: level.nullable() })
          .nullable()
          .meta({ description: "Kemanfaatan inovasi: proposed from distinct residents served in the year" }),
        evidence: z.array(
          evidence
            .pick({
              id: true,
              kind: true,
              fileName: true,
              url: true,
              letterNumber: true,
              letterDate: true,
              subject: true,
              isSample: true,
              reviewStatus: true,
              reviewComment: true,
              reviewedAt: true,
              createdAt: true,
            })
            .extend({ mimeType: z.string().nullable(), size: z.int().nullable() }),
        ),
      }),
    ),
  })
  .meta({ id: "IgaAssessments" });

const setLevelBody = setLevelSchema.omit({ year: true }).meta({
  id: "IgaSetLevel",
  description:
    "`innovationId` for a per-innovation indicator, null or absent for a region-wide one. `version` is the one you read (0 when no level was set); a stale one is 409 `iga_stale_assessment`. A level outside 1–3 is 422.",
});
const linkBody = linkEvidenceSchema
  .omit({ year: true })
  .meta({ id: "IgaLinkEvidence", description: "A link (e.g. a video) with the letter an evaluator expects" });
const reviewBody = reviewFieldsSchema
  .omit({ evidenceId: true })
  .meta({ id: "IgaReview", description: "`needs_work` requires a comment" });

const multipartEvidence = {
  type: "object" as const,
  properties: {
    file: {
      type: "string" as const,
      contentMediaType: "application/octet-stream",
      description: "PDF, JPG or PNG; the type is read from the content; EVIDENCE_MAX_BYTES (10 MB)",
    },
    indicatorCode: { type: "string" as const },
    innovationId: { type: "string" as const, format: "uuid", description: "Absent for a region-wide indicator" },
    replacesEvidenceId: {
      type: "string" as const,
      format: "uuid",
      description: "The piece of the same indicator this file replaces: removed, and its verdict with it",
    },
    letterNumber: { type: "string" as const },
    letterDate: { type: "string" as const, format: "date" },
    subject: { type: "string" as const },
  },
  required: ["file", "indicatorCode"],
};

export function op(
  operationId: string,
  summary: string,
  rest: Omit<ZodOpenApiOperationObject, "operationId">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["iga"], summary, ...rest };
}

export const igaPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/iga/{year}/score": {
    get: op("getIgaScore", "The estimated index of the caller's region for a year", {
      requestParams: {
        path: year,
        query: z.object({
          basis: z.enum(["estimate", "accepted"]).optional().meta({
            description:
              "`accepted`: count only evidence the evaluators accepted (default `estimate`: all but needs work)",
          }),
          counting: z.enum(["submitted", "ready"]).optional().meta({
            description:
              '`ready`: also count innovations ready to send ("if you submitted today"); default `submitted`',
          }),
        }),
      },
      responses: { 200: ok("The estimate", score), ...errors(401, 403, 404) },
    }),
  },
  "/api/v1/iga/{year}/todo": {
    get: op("getIgaTodo", "The to-do list: missing evidence and levels to raise, ordered by index points gained", {
      requestParams: {
        path: year,
        query: z.object({ limit: z.int().min(1).max(500).optional().meta({ description: "Default 25" }) }),
      },
      responses: { 200: ok("The steps", todo), ...errors(401, 403, 404) },
    }),
  },
  "/api/v1/iga/{year}/assessments": {
    get: op(
      "listIgaAssessments",
      "The indicators of an innovation (or of the region) with levels, scores and evidence",
      {
        requestParams: {
          path: year,
          query: z.object({
            innovationId: uuid.optional().meta({ description: "Absent: the region-wide indicators" }),
          }),
        },
        responses: { 200: ok("The indicators", assessments), ...errors(401, 403, 404) },
      },
    ),
    put: op("setIgaLevel", "Choose (or clear) one indicator's level for an innovation or the region", {
      requestParams: { path: year },
      requestBody: { required: true, content: json(setLevelBody) },
      responses: { 200: ok("The assessment after the change", assessment), ...errors(401, 403, 404, 409, 422) },
    }),
  },
  "/api/v1/iga/{year}/evidence": {
    post: op("addIgaEvidence", "Attach evidence to an indicator: an uploaded file (multipart) or a link (JSON)", {
      requestParams: { path: year },
      requestBody: {
        required: true,
        content: { "multipart/form-data": { schema: multipartEvidence }, ...json(linkBody) },
      },
      responses: {
        201: ok("The stored evidence", addedEvidence),
        413: {
          description: "The file is over the limit (`evidence_too_large`); nothing is stored",
          content: json(z.object({ error: z.object({ code: z.string(), message: z.string() }) })),
        },
        ...errors(401, 403, 404, 409, 422),
      },
    }),
  },
  "/api/v1/iga/evidence/{id}": {
    delete: op("removeIgaEvidence", "Remove evidence attached by mistake (same rights as attaching it)", {
      requestParams: { path: evidenceId },
      responses: {
        200: ok("Removed", z.object({ id: uuid, deleted: z.literal(true) })),
        ...errors(401, 403, 404, 409),
      },
    }),
  },
  "/api/v1/iga/evidence/{id}/review": {
    post: op("reviewIgaEvidence", "An evaluator marks evidence accepted or needing work (with a comment)", {
      requestParams: { path: evidenceId },
      requestBody: { required: true, content: json(reviewBody) },
      responses: { 200: ok("The evidence after the review", evidence), ...errors(401, 403, 404, 422) },
    }),
  },
  "/api/v1/iga/evidence/{id}/file": {
    get: op("getIgaEvidenceFile", "The bytes of an evidence file", {
      requestParams: {
        path: evidenceId,
        query: z.object({ download: z.enum(["1", "true"]).optional().meta({ description: "As an attachment" }) }),
      },
      responses: {
        200: {
          description: "The file; `ETag` is its SHA-256",
          content: {
            "application/pdf": { schema: { type: "string", contentEncoding: "binary" } },
            "image/png": { schema: { type: "string", contentEncoding: "binary" } },
            "image/jpeg": { schema: { type: "string", contentEncoding: "binary" } },
          },
        },
        ...errors(401, 403, 404),
      },
    }),
  },
};

export const igaTags: { name: string; description: string }[] = [
  {
    name: "iga",
    description: "IGA rule sets, indicator levels, evidence (data dukung), review and the index estimate",
  },
];
