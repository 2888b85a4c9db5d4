import "zod-openapi";
import { z } from "zod";
import { ROLES, type users } from "@/db/schema/users";
import type { innovations } from "@/db/schema/innovations";
import type { listAgencies } from "@/lib/agencies/list-agencies";
import type { Health } from "@/lib/health";
import { BENEFICIARY_ERROR_CODES } from "@/lib/beneficiaries/messages";
import { IGA_ERROR_CODES } from "@/lib/iga/error-codes";
import { SUBMISSION_ERROR_CODES } from "@/lib/submissions/error-codes";
import { TRENDS_ERROR_CODES } from "@/lib/trends/error-codes";
import type { ImportReport } from "@/lib/innovations/import/run-import";
import type { getInnovation } from "@/lib/innovations/get-innovation";
import type { listInnovations } from "@/lib/innovations/list-innovations";
import {
  CLASSIFICATIONS,
  INITIATOR_TYPES,
  INNOVATION_FORMS,
  INNOVATION_TYPES,
  PRIORITY_CLUSTERS,
  STAGES,
} from "@/lib/innovations/vocabulary";
import type { listUsers } from "@/lib/users/list-users";

/**
 * Response shapes of the v1 API. Requests are documented from the very schemas the handlers parse
 * with (lib/innovations/schemas.ts, list-innovations.ts, lib/users/schemas.ts); responses are rows
 * that drizzle returns, which have no zod schema (drizzle-orm/zod is not installed), so they are
 * written here by hand. The `SameKeys` checks at the bottom make `tsc` fail when a row or a lib
 * function's result gains or loses a field that is not mirrored here, so they cannot drift silently.
 */

const uuid = z.uuid();
/** Timestamps leave the API as ISO strings (Date.toJSON); date columns as YYYY-MM-DD. */
const timestamp = z.iso.datetime({ offset: true });
const day = z.iso.date();

export const innovationSchema = z
  .object({
    id: uuid,
    regionCode: z.string().meta({ description: "Kemendagri code of the regency", example: "18.11" }),
    agencyId: uuid,
    name: z.string(),
    summary: z.string().nullable(),
    stage: z.enum(STAGES),
    initiatorType: z.enum(INITIATOR_TYPES).nullable(),
    initiatorName: z.string().nullable(),
    innovationType: z.enum(INNOVATION_TYPES).nullable(),
    form: z.enum(INNOVATION_FORMS).nullable(),
    // Plain text in the database: a later IGA guideline may add themes and urusan codes.
    theme: z.string().nullable(),
    mainAffair: z.string().nullable(),
    otherAffairs: z.array(z.string()),
    trialDate: day.nullable(),
    implementationDate: day.nullable(),
    design: z.string().nullable().meta({ description: "Rancang bangun; at least 300 words for submission" }),
    goals: z.string().nullable(),
    benefits: z.string().nullable(),
    results: z.string().nullable(),
    yearApplied: z.int(),
    // The 2026 profile (Profil 2026): required by the pre-flight of a year whose rule set lists them.
    classification: z.enum(CLASSIFICATIONS).nullable().meta({ description: "Klasifikasi inovasi (assumed list)" }),
    latitude: z.number().min(-90).max(90).nullable().meta({ description: "Where it is applied, WGS84 degrees" }),
    longitude: z.number().min(-180).max(180).nullable().meta({ description: "Where it is applied, WGS84 degrees" }),
    astaCita: z
      .int()
      .min(1)
      .max(8)
      .nullable()
      .meta({ description: "Asta Cita mission 1–8 of the 2025–2029 government" }),
    priorityCluster: z
      .enum(PRIORITY_CLUSTERS)
      .nullable()
      .meta({ description: "Klaster prioritas nasional (assumed list)" }),
    latestDevelopmentDate: day.nullable().meta({ description: "Tanggal perkembangan terakhir; not in the future" }),
    amountUnit: z
      .string()
      .nullable()
      .meta({
        description:
          "What `nilai` in its service records means: `IDR` rupiah, a unit word such as `dokumen`, or null for a plain number",
        example: "IDR",
      }),
    isSample: z.boolean().meta({ description: "Demo data, not a real innovation" }),
    isPublic: z.boolean().meta({ description: "Shown in the public gallery (set by admin or Bappeda)" }),
    slug: z.string().nullable().meta({ description: "Its address in the public gallery: /inovasi/{slug}" }),
    completeness: z.int().min(0).max(100).meta({ description: "Percent of the IGA submission fields filled" }),
    archivedAt: timestamp.nullable(),
    version: z
      .int()
      .min(1)
      .meta({ description: "Send it back with PATCH: a stale version is refused with 409 stale_version" }),
    createdAt: timestamp,
    updatedAt: timestamp,
    createdBy: uuid.nullable(),
    updatedBy: uuid.nullable(),
  })
  .meta({ id: "Innovation", description: "An innovation as stored" });

export const innovationDetailSchema = innovationSchema
  .extend({ agencyName: z.string(), agencyShortName: z.string() })
  .meta({ id: "InnovationDetail", description: "An innovation with the name of its agency" });

/** A catalogue row: the profile without the long texts, with its agency. */
export const innovationListItemSchema = innovationSchema
  .omit({
    regionCode: true,
    design: true,
    goals: true,
    benefits: true,
    results: true,
    createdAt: true,
    createdBy: true,
    updatedBy: true,
    isPublic: true,
    slug: true,
    amountUnit: true,
  })
  .extend({
    agencyName: z.string().meta({ description: "Short name of the agency" }),
    agencyFullName: z.string(),
    agencyCode: z.string().meta({ example: "DISDUKCAPIL" }),
    maturity: z.number().min(0).max(1).nullable().optional().meta({
      description:
        "Kematangan: its IGA innovation-indicator score as a share of the maximum, in the latest year it was assessed (null: never; left out of exports)",
    }),
  })
  .meta({ id: "InnovationListItem" });

export const innovationPageSchema = z
  .object({ items: z.array(innovationListItemSchema), total: z.int(), limit: z.int(), offset: z.int() })
  .meta({ id: "InnovationPage", description: "One page of the catalogue; `total` counts every match" });

export const deletedSchema = z.object({ id: uuid, deleted: z.literal(true) }).meta({ id: "Deleted" });

/**
 * The archive route's body. lib/innovations/archive-innovation.ts keeps its own schema private, so
 * the route parses with this one before calling it: what the document says is what the route takes.
 */
export const archiveBodySchema = z.object({ archived: z.boolean() }).meta({ id: "ArchiveRequest" });

export const agencySchema = z
  .object({ id: uuid, code: z.string().meta({ example: "DISDUKCAPIL" }), name: z.string(), shortName: z.string() })
  .meta({ id: "Agency" });

export const meSchema = z
  .object({
    id: uuid,
    email: z.email(),
    name: z.string(),
    role: z.enum(ROLES),
    agencyId: uuid.nullable(),
    regionCode: z.string(),
  })
  .meta({ id: "Me", description: "The user behind the token or session" });

export const userListItemSchema = z
  .object({
    id: uuid,
    email: z.email(),
    name: z.string(),
    role: z.enum(ROLES),
    active: z.boolean(),
    agencyId: uuid.nullable(),
    agencyName: z.string().nullable(),
    lastLoginAt: timestamp.nullable(),
    createdAt: timestamp,
    lockedUntil: timestamp
      .nullable()
      .meta({ description: "Sign-in locked until then after 5 wrong passwords in 15 minutes; null when not locked" }),
  })
  .meta({ id: "UserListItem" });

export const userSchema = z
  .object({
    id: uuid,
    regionCode: z.string(),
    email: z.email(),
    name: z.string(),
    role: z.enum(ROLES),
    agencyId: uuid.nullable(),
    active: z.boolean(),
    createdAt: timestamp,
    updatedAt: timestamp,
    lastLoginAt: timestamp.nullable(),
  })
  .meta({ id: "User", description: "A user as stored, without the password hash" });

export const healthSchema = z
  .union([
    z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgresql"]) }),
    z.object({ status: z.literal("error"), reason: z.string() }),
  ])
  .meta({ id: "Health" });

/**
 * The stable error codes (API clients match on `error.code`; `error.message` is for people and
 * follows Accept-Language). tests/unit/openapi.test.ts fails when lib/ or app/ throws a code that is
 * missing here or has no message in both languages.
 */
export const ERROR_CODES = {
  unauthenticated: {
    status: 401,
    meaning: "No valid bearer token and no session: sign in or send `Authorization: Bearer imd_…`.",
  },
  forbidden: { status: 403, meaning: "The caller's role lacks the permission for this action." },
  api_rate_limited: {
    status: 429,
    meaning:
      "The API token made more than API_RATE_LIMIT_PER_MINUTE requests (600 by default) in a minute; wait the `Retry-After` seconds.",
  },
  cross_site_request: {
    status: 403,
    meaning:
      "A write authenticated by the session cookie but not sent from the app's own pages (CSRF guard); API clients use a bearer token.",
  },
  forbidden_other_agency: { status: 403, meaning: "Agency staff may change only their own agency's records." },
  not_found: { status: 404, meaning: "No such record in the caller's region (also for an id that is not a UUID)." },
  validation_failed: {
    status: 422,
    meaning: "The body or query is invalid (or not JSON); `fields` lists each problem.",
  },
  stale_version: {
    status: 409,
    meaning: "Someone saved the innovation after you read it: reload, reapply, send the new `version`.",
  },
  innovation_has_dependents: {
    status: 409,
    meaning: "The innovation has evidence or beneficiary data: archive it instead of deleting.",
  },
  email_taken: { status: 409, meaning: "Another user already has this email." },
  no_file: { status: 422, meaning: "An upload without a file (no multipart `file` part, or no body)." },
  cannot_demote_self: { status: 409, meaning: "An administrator cannot disable or demote their own account." },
  // The import refuses a whole file with one of these (422), before any row is looked at.
  import_empty: { status: 422, meaning: "The uploaded file is empty." },
  import_too_large: { status: 422, meaning: "The file is over the size limit (`{maxMb}` MB)." },
  import_too_many_rows: { status: 422, meaning: "More data rows than one import takes: split the file." },
  import_old_excel: { status: 422, meaning: "An .xls (Excel 97–2003) file: save it as .xlsx or CSV." },
  import_not_xlsx: { status: 422, meaning: "Named .xlsx but not an Excel workbook." },
  import_unknown_format: { status: 422, meaning: "Neither XLSX nor CSV." },
  import_unreadable: { status: 422, meaning: "A damaged XLSX file." },
  xlsx_too_large: {
    status: 422,
    meaning:
      "An XLSX (innovations or service records) inflates past XLSX_MAX_UNCOMPRESSED_BYTES (1 GB; 128 MB for the innovation import): a zip bomb or a damaged file.",
  },
  xlsx_compression_ratio: {
    status: 422,
    meaning:
      "An XLSX inflates to over 200 times the bytes read (past 32 MB): a zip bomb, refused before it is read further.",
  },
  xlsx_malformed: {
    status: 422,
    meaning: "An XLSX holds one XML text or tag over 1 MB (no cell can): a zip bomb of whitespace or a damaged file.",
  },
  xlsx_too_many_strings: {
    status: 422,
    meaning:
      "An XLSX's shared-strings table holds more than XLSX_MAX_SHARED_STRINGS texts (500,000) or XLSX_MAX_SHARED_STRINGS_BYTES (64 MB).",
  },
  import_csv_invalid: { status: 422, meaning: "CSV that cannot be parsed (e.g. an unclosed quote)." },
  import_no_header: { status: 422, meaning: "Row 1 does not hold the template's column names." },
  import_duplicate_column: { status: 422, meaning: "A column appears twice in row 1." },
  import_missing_columns: { status: 422, meaning: "Required template columns are missing." },
  import_no_rows: { status: 422, meaning: "No data rows under the header." },
  import_rejected: {
    status: 422,
    meaning: "A real import with rejected rows wrote nothing; the body is the report plus `error`.",
  },
  ...IGA_ERROR_CODES,
  ...BENEFICIARY_ERROR_CODES,
  iga_result_stale: {
    status: 409,
    meaning: "Someone saved this year's IGA result after you read it: reload, reapply, send the new `version`.",
  },
  ...TRENDS_ERROR_CODES,
  ...SUBMISSION_ERROR_CODES,
  internal: { status: 500, meaning: "Unexpected server error; it is logged with the request id." },
} as const satisfies Record<string, { status: number; meaning: string }>;
export type ErrorCode = keyof typeof ERROR_CODES;

export const errorSchema = z
  .object({
    error: z.object({
      code: z
        .enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]])
        .meta({ description: "Stable; match on this" }),
      message: z.string().meta({ description: "For people, in the language of Accept-Language (id or en)" }),
      fields: z
        .array(
          z.object({
            field: z.string().meta({ description: "Dotted path, `_` for the whole body" }),
            message: z.string(),
          }),
        )
        .optional()
        .meta({ description: "Only with validation_failed" }),
    }),
  })
  .meta({ id: "Error" });

const importTotals = z.object({ rows: z.int(), create: z.int(), update: z.int(), unchanged: z.int(), reject: z.int() });

export const importReportSchema = z
  .object({
    fileName: z.string(),
    format: z.enum(["xlsx", "csv"]),
    dryRun: z.boolean(),
    applied: z.boolean().meta({ description: "True only when a real run wrote the rows (all or none)" }),
    totals: importTotals,
    rows: z.array(
      z.object({
        row: z.int().meta({ description: "As the spreadsheet numbers it: the header is row 1" }),
        action: z.enum(["create", "update", "unchanged", "reject"]),
        name: z.string(),
        agency: z.string(),
        errors: z.array(z.object({ column: z.string(), code: z.string(), message: z.string() })),
        changed: z.array(z.string()).optional(),
        id: uuid.optional(),
      }),
    ),
    ignoredColumns: z.array(z.string()).meta({ description: "Headers the import does not know" }),
    message: z.string().meta({ description: "A summary for people, in the reader's language" }),
  })
  .meta({ id: "ImportReport", description: "What an import did, or would do, row by row" });

export const importRejectedSchema = importReportSchema
  .extend({ error: z.object({ code: z.literal("import_rejected"), message: z.string() }) })
  .meta({ id: "ImportRejected" });

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

// ---- drift guards (compile time) -------------------------------------------------------------
// Each line fails `tsc` naming the field when the zod mirror and the real result differ in keys.
type SameKeys<A, B> = Record<Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>, never>;
type Out<S extends z.ZodType> = z.output<S>;
type ResultOf<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const _driftGuards: [
  SameKeys<Out<typeof innovationSchema>, typeof innovations.$inferSelect>,
  SameKeys<Out<typeof innovationDetailSchema>, ResultOf<typeof getInnovation>>,
  SameKeys<Out<typeof innovationListItemSchema>, ResultOf<typeof listInnovations>["items"][number]>,
  SameKeys<Out<typeof innovationPageSchema>, ResultOf<typeof listInnovations>>,
  SameKeys<Out<typeof agencySchema>, ResultOf<typeof listAgencies>[number]>,
  SameKeys<Out<typeof userListItemSchema>, ResultOf<typeof listUsers>[number]>,
  SameKeys<Out<typeof userSchema>, Omit<typeof users.$inferSelect, "passwordHash" | "sessionVersion">>,
  SameKeys<Out<typeof importReportSchema>, ImportReport>,
  SameKeys<Out<typeof importReportSchema>["rows"][number], ImportReport["rows"][number]>,
  SameKeys<Extract<Out<typeof healthSchema>, { status: "ok" }>, Extract<Health, { status: "ok" }>>,
] = [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}];
