import "zod-openapi";
import { z } from "zod";
import type { ZodOpenApiObject, ZodOpenApiOperationObject } from "zod-openapi";
import { MAX_API_RECORDS } from "@/lib/beneficiaries/ingest";
import { BENEFICIARY_ERROR_CODES, RECORD_ISSUE_CODES, RECORD_WARNING_CODES } from "@/lib/beneficiaries/messages";
import { RECORD_COLUMNS } from "@/lib/beneficiaries/import/columns";
import { SERVICE_CHANNELS } from "@/lib/beneficiaries/import/values";
import { errors, json, ok } from "./common";

/*
 * Paths of the beneficiaries area (service-record import and ingestion); merged into the document
 * by ./document.ts. The row codes come from lib/beneficiaries/messages.ts, so the list cannot drift.
 */

const uuid = z.uuid();
const timestamp = z.iso.datetime({ offset: true });
const innovationId = z.object({
  id: uuid.meta({ description: "Innovation id", param: { id: "BeneficiaryInnovationId" } }),
});
const batchId = z.object({ batchId: uuid.meta({ description: "Import batch id", param: { id: "ImportBatchId" } }) });

const ROW_CODES_TEXT = RECORD_ISSUE_CODES.map((c) => `\`${c}\``).join(", ");

const issue = z
  .object({
    row: z
      .int()
      .meta({ description: "As the file numbers it: the header is row 1. In a JSON batch the first record is row 1" }),
    column: z.enum(RECORD_COLUMNS),
    code: z.enum(RECORD_ISSUE_CODES).meta({ description: `Stable code: ${ROW_CODES_TEXT}` }),
    message: z.string().meta({ description: "In the caller's language; never contains the NIK" }),
  })
  .meta({ id: "ServiceRecordIssue" });

const warning = z
  .object({
    row: z.int().optional(),
    column: z.enum(RECORD_COLUMNS).optional(),
    code: z.enum(RECORD_WARNING_CODES),
    message: z.string(),
  })
  .meta({
    id: "ServiceRecordWarning",
    description:
      "A warning does not reject the row (e.g. `nik_area_unknown`: an area prefix outside the reference list)",
  });

const report = z
  .object({
    dryRun: z.boolean(),
    rows: z.int().meta({ description: "Data rows read (blank lines skipped)" }),
    accepted: z.int().meta({
      description:
        "New service records written (in a dry run, or a strict import that wrote nothing, those that would be written)",
    }),
    duplicates: z.int().meta({
      description:
        "Valid rows already stored, or repeated in the file: the same innovation, resident, date and type is one record",
    }),
    rejected: z.int(),
    errors: z
      .array(issue)
      .meta({ description: "Every problem of every rejected row (at most 1,000 listed; the counts are complete)" }),
    warnings: z.array(warning),
    batchId: uuid.nullable().meta({
      description:
        "The batch recording this run; its rejected rows download from /import-batches/{batchId}/rejected-rows",
    }),
    status: z.enum(["done", "checked", "failed"]),
    mode: z.enum(["default", "strict"]),
    rejectedRowsAvailable: z.int(),
  })
  .meta({ id: "ServiceRecordReport" });

const batch = z
  .object({
    id: uuid,
    innovationId: uuid,
    source: z.enum(["upload", "api", "cli"]),
    fileName: z.string().nullable(),
    mode: z.string(),
    dryRun: z.boolean(),
    status: z.enum(["running", "checked", "done", "failed", "undone"]),
    rows: z.int(),
    accepted: z.int(),
    duplicates: z.int(),
    rejected: z.int(),
    errorCode: z.string().nullable().meta({
      description: "Why a batch failed as a whole: a file error code, `records_rejected_strict` or `interrupted`",
    }),
    createdAt: timestamp,
    finishedAt: timestamp.nullable(),
    undoneAt: timestamp.nullable(),
    canDownloadRejected: z.boolean(),
    progress: z
      .object({ rows: z.int(), fraction: z.number().nullable() })
      .nullable()
      .meta({ description: "While running: rows read and the share of the file read" }),
    report: report.nullable(),
    headers: z.array(z.string()).nullable().meta({ description: "For `records_missing_columns`: the file's headers" }),
    failureMessage: z
      .string()
      .nullable()
      .meta({ description: "Why the batch failed as a whole, in the uploader's language" }),
  })
  .meta({ id: "ImportBatch" });

const importQuery = z.object({
  dryRun: z.enum(["true", "false", "1", "0"]).optional().meta({ description: "`true`: check only, write nothing" }),
  mode: z
    .enum(["default", "strict"])
    .optional()
    .meta({ description: "`strict`: write nothing when any row is rejected (422 `records_rejected_strict`)" }),
  columns: z.string().optional().meta({
    description:
      'JSON object naming the file header of each column, e.g. `{"nik":"No Identitas","tanggal_layanan":"Waktu"}`',
  }),
  fileName: z.string().optional().meta({ description: "The file's name, for the batch list (raw bodies)" }),
  locale: z
    .enum(["id", "en"])
    .optional()
    .meta({ description: "Language of the messages (else Accept-Language, else Indonesian)" }),
});

const fileBody = {
  required: true,
  content: {
    "text/csv": {
      schema: { type: "string" as const, description: "UTF-8 (BOM allowed), `;` or `,` delimited, CRLF or LF" },
    },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
      schema: { type: "string" as const, contentEncoding: "binary" },
    },
    "multipart/form-data": {
      schema: {
        type: "object" as const,
        properties: {
          file: { type: "string" as const, contentMediaType: "application/octet-stream", description: "CSV or XLSX" },
        },
        required: ["file"],
      },
    },
  },
};

const cell = z.union([z.string(), z.number(), z.null()]);
const recordsBody = z
  .object({
    records: z
      .array(
        z.object({
          nik: z.string().meta({
            description: "16 digits, as a string (a JSON number loses digits above 2^53 and is refused if rounded)",
          }),
          nama: cell.optional(),
          tanggal_layanan: cell.meta({ description: "YYYY-MM-DD, DD/MM/YYYY or an Excel serial" }),
          jenis_layanan: z.string(),
          kode_desa: cell.optional().meta({ description: "One of Mesuji's 105 desa, 18.11.01.2001 or 1811012001" }),
          nilai: cell
            .optional()
            .meta({ description: "A non-negative amount, in the innovation's `amountUnit` (rupiah when `IDR`)" }),
          kanal: cell.optional().meta({
            description: `How the resident was served: ${SERVICE_CHANNELS.map((c) => `\`${c}\``).join(", ")} (case, spaces and dashes ignored); empty when not recorded`,
          }),
        }),
      )
      .min(1)
      .max(MAX_API_RECORDS),
    mode: z.enum(["default", "strict"]).optional(),
  })
  .meta({ id: "ServiceRecordBatch" });

function op(
  operationId: string,
  summary: string,
  rest: Omit<ZodOpenApiOperationObject, "operationId">,
): ZodOpenApiOperationObject {
  return { operationId, tags: ["beneficiaries"], summary, ...rest };
}

const fileError422 = {
  description: `A file refused whole (${Object.entries(BENEFICIARY_ERROR_CODES)
    .filter(([, m]) => m.status === 422)
    .map(([c]) => c)
    .map((c) => `\`${c}\``)
    .join(", ")}), or a strict import that wrote nothing (the report plus \`error\`)`,
  content: json(
    z.object({ error: z.object({ code: z.string(), message: z.string(), headers: z.array(z.string()).optional() }) }),
  ),
};

export const beneficiaryPaths: ZodOpenApiObject["paths"] = {
  "/api/v1/beneficiaries/template": {
    get: op(
      "getBeneficiaryTemplate",
      "The import template: the columns and an example row; the XLSX adds a sheet of the region's desa codes with names and kecamatan",
      {
        requestParams: {
          query: z.object({
            format: z.enum(["csv", "xlsx"]).default("xlsx"),
            locale: z.enum(["id", "en"]).optional().meta({ description: "Language of the notes and sheet names" }),
          }),
        },
        responses: {
          200: {
            description: "The template",
            content: {
              "text/csv": { schema: { type: "string" } },
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                schema: { type: "string", contentEncoding: "binary" },
              },
            },
          },
          ...errors(401, 403, 422),
        },
      },
    ),
  },
  "/api/v1/innovations/{id}/beneficiaries/import": {
    post: op("importServiceRecords", "Import (or dry-run) a CSV/XLSX file of service records", {
      description: `Columns \`${RECORD_COLUMNS.join(", ")}\` (case-insensitive, Indonesian aliases such as \`No NIK\`, \`Tgl Layanan\`, \`Desa\`, \`Nominal\`, \`Kanal Layanan\`). The whole batch is one transaction; rows are streamed. Row codes: ${ROW_CODES_TEXT}`,
      requestParams: { path: innovationId, query: importQuery },
      requestBody: fileBody,
      responses: { 200: ok("The report", report), ...errors(401, 403, 404), 422: fileError422 },
    }),
  },
  "/api/v1/innovations/{id}/beneficiaries/jobs": {
    post: op("startServiceRecordImportJob", "Start an import or dry run in the background (the page's upload)", {
      requestParams: { path: innovationId, query: importQuery },
      requestBody: fileBody,
      responses: { 202: ok("The batch to poll", z.object({ batchId: uuid })), ...errors(401, 403, 404, 422) },
    }),
  },
  "/api/v1/innovations/{id}/beneficiaries/batches": {
    get: op("listImportBatches", "The import batches of an innovation, newest first", {
      requestParams: { path: innovationId },
      responses: { 200: ok("The batches", z.object({ batches: z.array(batch) })), ...errors(401, 403, 404) },
    }),
  },
  "/api/v1/innovations/{id}/service-records": {
    post: op("ingestServiceRecords", `Send up to ${MAX_API_RECORDS.toLocaleString("en")} service records as JSON`, {
      description:
        "Send an `Idempotency-Key` header (1–200 printable characters) to retry safely: the same key and body replay the first answer (with `Idempotency-Replayed: true`); the same key with another body is 409 `idempotency_conflict`. Without a key a retry is still counted as duplicates, never as new records.",
      requestParams: {
        path: innovationId,
        header: z.object({
          "Idempotency-Key": z.string().optional().meta({ description: "Client-chosen key, unique per batch of data" }),
        }),
      },
      requestBody: { required: true, content: json(recordsBody) },
      responses: { 200: ok("The report", report), ...errors(401, 403, 404, 409), 422: fileError422 },
    }),
  },
  "/api/v1/import-batches/{batchId}": {
    get: op("getImportBatch", "One batch: status, progress while it runs, and its report", {
      requestParams: { path: batchId },
      responses: { 200: ok("The batch", batch), ...errors(401, 403, 404) },
    }),
  },
  "/api/v1/import-batches/{batchId}/undo": {
    post: op("undoImportBatch", "Remove every service record the batch brought (audited)", {
      requestParams: { path: batchId },
      responses: { 200: ok("The batch, now undone", batch), ...errors(401, 403, 404, 409) },
    }),
  },
  "/api/v1/import-batches/{batchId}/rejected-rows": {
    get: op(
      "getRejectedRows",
      "The rejected rows as CSV with a reason column, to fix and upload again (uploader only)",
      {
        requestParams: { path: batchId },
        responses: {
          200: {
            description: "CSV in the source file's delimiter",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...errors(401, 403, 404),
        },
      },
    ),
  },
};

export const beneficiaryTags: { name: string; description: string }[] = [
  {
    name: "beneficiaries",
    description: `Service records linked to residents by NIK (stored only as an HMAC and encrypted). File-level codes: ${Object.entries(
      BENEFICIARY_ERROR_CODES,
    )
      .map(([c, m]) => `\`${c}\` (${m.status}) ${m.meaning}`)
      .join(" ")} Row codes: ${ROW_CODES_TEXT}.`,
  },
];
