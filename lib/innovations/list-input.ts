import { z } from "zod";
import { AFFAIR_CODES } from "@/lib/reference/affairs";
import { COMPLETENESS_BUCKETS, SORT_KEYS } from "./list-params";
import { INNOVATION_FORMS, INNOVATION_TYPES, STAGES, THEMES } from "./vocabulary";

/** A yes/no query parameter: `true`/`false` (or 1/0, yes/no) in a URL, a boolean from code. */
const flag = z.union([z.boolean(), z.stringbool()]);

/**
 * The catalogue's filters, sort and page. The keys are the query parameter names of the list
 * page, `GET /api/v1/innovations` and the export, and the OpenAPI document is generated from it:
 * keep it a plain object of optional or defaulted fields.
 */
export const listInnovationsInput = z.object({
  q: z.string().trim().max(200).optional().describe("Searched in the name and summary (case-insensitive)"),
  stage: z.enum(STAGES).optional(),
  innovationType: z.enum(INNOVATION_TYPES).optional(),
  form: z.enum(INNOVATION_FORMS).optional(),
  theme: z.enum(THEMES).optional(),
  mainAffair: z
    .enum(AFFAIR_CODES as [string, ...string[]])
    .optional()
    .describe("Urusan code of the main affair"),
  agencyId: z.uuid().optional(),
  yearApplied: z.coerce.number().int().min(2017).max(2100).optional(),
  completeness: z.enum(COMPLETENESS_BUCKETS).optional().describe("complete = 100% of the submission fields"),
  includeArchived: flag.default(false),
  isSample: flag.optional().describe("true: only demo sample rows; false: only real ones"),
  sort: z.enum(SORT_KEYS).optional().describe("Without it, real innovations first, then by name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  limit: z.coerce.number().int().min(1).max(500).default(25),
  offset: z.coerce.number().int().min(0).default(0),
});
export type ListInnovationsInput = z.input<typeof listInnovationsInput>;
export type ListInnovationsQuery = z.output<typeof listInnovationsInput>;
