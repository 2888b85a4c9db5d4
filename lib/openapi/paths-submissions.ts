import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiOperationObject } from "zod-openapi";
import { errors, json, ok, XLSX } from "./common";

/* Paths of IGA submissions (frozen snapshots, pre-flight, package, verify); merged by ./document.ts. */

const year = z.object({ year: z.int().min(2000).max(2100).meta({ description: "The IGA year, e.g. 2023" }) });
const snapshotId = z.uuid().meta({ description: "Snapshot id; anything that is not a UUID answers 404" });
const yearAndId = z.object({ year: year.shape.year, id: snapshotId });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const created = z
  .object({
    id: z.uuid(),
    sha256: sha256.meta({ description: "SHA-256 of the snapshot's canonical content (RFC 8785 JSON)" }),
    index: z.number(),
    category: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "SubmissionCreated" });

const summary = z
  .object({
    id: z.uuid(),
    year: z.int(),
    sha256,
    index: z.number(),
    category: z.string(),
    innovations: z.int(),
    problems: z.int().meta({ description: "Pre-flight problems when it was frozen" }),
    overrideReason: z.string().nullable().meta({ description: "Why it was frozen despite them" }),
    createdAt: z.iso.datetime(),
    createdBy: z.string().meta({ description: "Name of who froze it" }),
  })
  .meta({ id: "SubmissionSummary" });

const problem = z
  .object({
    code: z.enum([
      "profile_incomplete",
      "design_too_short",
      "date_outside_window",
      "level_without_evidence",
      "review_unresolved",
      "mandatory_missing",
      "no_innovations",
      "not_eligible",
      "too_many_years",
      "basic_services_unmet",
      "profile_2026_missing",
    ]),
    innovationId: z.uuid().nullable(),
    innovationName: z.string().nullable(),
    indicatorCode: z.string().nullable(),
    detail: z.string().nullable().meta({
      description:
        "What the message needs: missing fields, a word count, a date; `applied|from|to` (not_eligible), `years|max` (too_many_years), `covered|required|missing affair codes` (basic_services_unmet); the missing 2026 profile fields (profile_2026_missing)",
    }),
    href: z.string().meta({ description: "The app page where it is fixed" }),
  })
  .meta({ id: "PreflightProblem" });

const indicatorChange = {
  innovationId: z.uuid().nullable(),
  innovationName: z.string().nullable(),
  indicatorCode: z.string(),
};
const comparison = z
  .object({
    from: z.uuid(),
    to: z.uuid(),
    added: z.array(z.object({ id: z.uuid(), name: z.string() })),
    removed: z.array(z.object({ id: z.uuid(), name: z.string() })),
    levels: z.array(z.object({ ...indicatorChange, from: z.int().nullable(), to: z.int().nullable() })),
    evidence: z.array(z.object({ ...indicatorChange, removed: z.array(z.string()), added: z.array(z.string()) })),
    profiles: z.array(z.object({ id: z.uuid(), name: z.string(), fields: z.array(z.string()) })),
    index: z.object({ from: z.number(), to: z.number(), delta: z.number() }),
  })
  .meta({ id: "SubmissionComparison" });

const verifyResult = z
  .object({
    intact: z.boolean(),
    files: z.int(),
    snapshot: z.object({ id: z.string(), sha256, year: z.int(), regionCode: z.string(), frozenAt: z.string() }),
    snapshotMatch: z.enum(["match", "mismatch", "not_found"]),
    mismatches: z.array(
      z.object({
        path: z.string(),
        kind: z.enum(["missing", "size", "sha256", "unlisted"]),
        expected: z.union([z.string(), z.number()]).optional(),
        actual: z.union([z.string(), z.number()]).optional(),
      }),
    ),
  })
  .meta({ id: "PackageCheck" });

const file = (description: string, type: string) => ({
  description,
  content: { [type]: { schema: z.string().meta({ format: "binary" }) } },
});

function op(
  operationId: string,
  summary: string,
  rest: Omit<ZodOpenApiOperationObject, "operationId">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["iga-submissions"], summary, ...rest };
}

const jobStatus = z
  .object({
    jobId: z.uuid(),
    submissionId: z.uuid(),
    status: z.enum(["running", "done", "failed"]),
    done: z.int(),
    total: z.int(),
  })
  .meta({ id: "SubmissionPackageJob" });
const jobParams = yearAndId.extend({
  jobId: z.uuid().meta({ description: "The job's id (only whoever started it sees it)" }),
});

export const submissionPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/iga/{year}/submissions/{id}/package-jobs": {
    post: op(
      "startIgaSubmissionPackageJob",
      "Build the package in the background, with progress (files done of total)",
      {
        requestParams: { path: yearAndId },
        responses: { 202: ok("Started", jobStatus), ...errors(401, 403, 404) },
      },
    ),
  },
  "/api/v1/iga/{year}/submissions/{id}/package-jobs/{jobId}": {
    get: op("getIgaSubmissionPackageJob", "A package job's progress", {
      requestParams: { path: jobParams },
      responses: { 200: ok("The job", jobStatus), ...errors(401, 403, 404) },
    }),
  },
  "/api/v1/iga/{year}/submissions/{id}/package-jobs/{jobId}/package.zip": {
    get: op("downloadIgaSubmissionPackageJob", "The finished job's package", {
      requestParams: { path: jobParams },
      responses: { 200: file("The ZIP", "application/zip"), ...errors(401, 403, 404, 409) },
    }),
  },
  "/api/v1/iga/{year}/submissions": {
    get: op(
      "listIgaSubmissions",
      "The year's frozen snapshots, newest first (agency staff: those holding their innovations)",
      {
        requestParams: { path: year },
        responses: { 200: ok("The snapshots", z.object({ submissions: z.array(summary) })), ...errors(401, 403, 404) },
      },
    ),
    post: op("freezeIgaSubmission", "Freeze the year's submission (evaluator, Bappeda, admin)", {
      requestParams: { path: year },
      requestBody: {
        content: json(
          z.object({
            overrideReason: z
              .string()
              .max(2000)
              .optional()
              .meta({ description: "Required when the pre-flight check lists problems" }),
          }),
        ),
      },
      responses: { 201: ok("Frozen", created), ...errors(401, 403, 404, 409, 422) },
    }),
  },
  "/api/v1/iga/{year}/submissions/preflight": {
    get: op(
      "igaSubmissionPreflight",
      "The pre-flight check of the live data: each problem with the page that fixes it",
      {
        requestParams: { path: year },
        responses: {
          200: ok(
            "The check",
            z.object({
              year: z.int(),
              innovations: z.int(),
              index: z.number(),
              category: z.string(),
              problems: z.array(problem),
            }),
          ),
          ...errors(401, 403, 404),
        },
      },
    ),
  },
  "/api/v1/iga/{year}/submissions/verify": {
    post: op(
      "verifyIgaSubmissionPackage",
      "Check an uploaded package against its manifest and the frozen snapshot; the body streams to a temporary file (up to VERIFY_MAX_BYTES, 4 GB by default)",
      {
        requestParams: { path: year },
        requestBody: {
          content: {
            "application/zip": { schema: z.string().meta({ format: "binary" }) },
            "multipart/form-data": { schema: z.object({ file: z.string().meta({ format: "binary" }) }) },
          },
        },
        responses: { 200: ok("The check", verifyResult), ...errors(401, 403, 413, 422) },
      },
    ),
  },
  "/api/v1/iga/{year}/submissions/{id}": {
    get: op("getIgaSubmission", "One snapshot with its full content", {
      requestParams: { path: yearAndId },
      responses: {
        200: ok(
          "The snapshot",
          summary.extend({
            content: z
              .record(z.string(), z.unknown())
              .meta({ description: "The canonical content (format iga-submission/1)" }),
          }),
        ),
        ...errors(401, 403, 404),
      },
    }),
  },
  "/api/v1/iga/{year}/submissions/{id}/compare": {
    get: op("compareIgaSubmissions", "What changed from the snapshot `with` to this one", {
      requestParams: {
        path: yearAndId,
        query: z.object({ with: z.uuid().meta({ description: "The other snapshot" }) }),
      },
      responses: { 200: ok("The changes", comparison), ...errors(401, 403, 404) },
    }),
  },
  "/api/v1/iga/{year}/submissions/{id}/package.zip": {
    get: op(
      "downloadIgaSubmissionPackage",
      "The package, streamed: submission.xlsx, profil-inovasi.pdf, profil/NNN-<slug>.pdf, bukti/…, manifest.json",
      {
        requestParams: { path: yearAndId },
        responses: { 200: file("The ZIP", "application/zip"), ...errors(401, 403, 404) },
      },
    ),
  },
  "/api/v1/iga/{year}/submissions/{id}/submission.xlsx": {
    get: op("downloadIgaSubmissionWorkbook", "The package's workbook alone", {
      requestParams: { path: yearAndId },
      responses: { 200: file("The workbook", XLSX), ...errors(401, 403, 404) },
    }),
  },
  "/api/v1/iga/{year}/submissions/{id}/profil-inovasi.pdf": {
    get: op(
      "downloadIgaSubmissionProfiles",
      "Every profile in one PDF with a cover and table of contents (leaders too)",
      {
        requestParams: { path: yearAndId },
        responses: { 200: file("The PDF", "application/pdf"), ...errors(401, 403, 404) },
      },
    ),
  },
  "/api/v1/iga/{year}/submissions/{id}/profil/{no}": {
    get: op("downloadIgaSubmissionProfile", "One innovation's profile PDF, by its number in the snapshot", {
      requestParams: {
        path: yearAndId.extend({ no: z.string().meta({ description: "The innovation's number (7 or 007-slug.pdf)" }) }),
      },
      responses: { 200: file("The PDF", "application/pdf"), ...errors(401, 403, 404) },
    }),
  },
};

export const submissionTags = [
  {
    name: "iga-submissions",
    description: "Frozen IGA submissions: snapshots, pre-flight check, comparison, the verifiable package",
  },
];
