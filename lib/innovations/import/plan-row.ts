import type { z } from "zod";
import type { Locale } from "@/i18n/locales";
import { translateIssues } from "@/lib/http/errors-i18n";
import type { InnovationRow } from "../get-innovation";
import { normaliseDegrees } from "../profile-2026";
import { type InnovationDraft, innovationDraftSchema } from "../schemas";
import {
  CODED_COLUMNS,
  type CodedColumn,
  codedLabels,
  type ColumnHeader,
  columnOf,
  IMPORT_COLUMNS,
  resolveAffair,
  resolveAstaCita,
  resolveCoded,
  splitAffairs,
} from "./columns";
import type { Cells } from "./parse";
import type { Translate } from "./translate";

export interface ImportIssue {
  /** The spreadsheet column (template header), or "_" for the row as a whole. */
  column: string;
  /** Stable: the schema's message key without "v." (stage, trialAfterImplementation, …) or an import code. */
  code: string;
  message: string;
}

const FIELD_OF = new Map<string, string>(IMPORT_COLUMNS.map((c) => [c.header, c.field]));

/** The text of one cell as the profile schema expects it; unknown codes pass through for the schema to reject. */
function cellInput(column: ColumnHeader, value: string | undefined): unknown {
  // An empty name or year stays a string so the schema answers with its own "required" wording.
  if (!value) return column === "urusan_lain" ? [] : column === "nama_inovasi" || column === "tahun" ? "" : null;
  if (column in CODED_COLUMNS) return resolveCoded(column as CodedColumn, value);
  if (column === "urusan_utama") return resolveAffair(value);
  if (column === "urusan_lain") return splitAffairs(value);
  if (column === "lintang" || column === "bujur") return normaliseDegrees(value);
  if (column === "asta_cita") return resolveAstaCita(value);
  return value;
}

export function profileOf(row: InnovationRow): Record<string, unknown> {
  return Object.fromEntries(IMPORT_COLUMNS.map((c) => [c.field, row[c.field]]));
}

/**
 * The draft a row describes: the stored profile (for an update) overlaid with the columns the file
 * has, so a column left out of the file keeps its value while an empty cell clears it.
 */
export function rowInput(columns: ColumnHeader[], cells: Cells, agencyId: string | undefined, before?: InnovationRow) {
  const input: Record<string, unknown> = before ? profileOf(before) : {};
  for (const column of columns) {
    if (column !== "perangkat_daerah") input[FIELD_OF.get(column)!] = cellInput(column, cells[column]);
  }
  input.agencyId = agencyId;
  return input;
}

/** Extra guidance for a value the schema refused: the allowed choices, the date format. */
function hint(
  issue: z.core.$ZodIssue,
  column: string,
  input: Record<string, unknown>,
  t: Translate,
  locale: Locale,
): string {
  const [field, index] = issue.path;
  const value = index === undefined ? input[String(field)] : (input[String(field)] as unknown[])?.[Number(index)];
  if (issue.message === "v.affair") return t("innovationImport.issue.affairHint", { value: String(value ?? "") });
  if (issue.message === "v.date") return t("innovationImport.issue.dateHint", { value: String(value ?? "") });
  if (column in CODED_COLUMNS && value) {
    const values = codedLabels(column as CodedColumn, locale)
      .map((l) => l.label)
      .join(", ");
    return t("innovationImport.issue.choiceHint", { value: String(value), values });
  }
  return "";
}

/** Runs the row through the form's schema; its issues come back worded and pointed at their columns. */
export function validateRow(
  input: Record<string, unknown>,
  skipAgency: boolean,
  t: Translate,
  locale: Locale,
): { data?: InnovationDraft; issues: ImportIssue[] } {
  const result = innovationDraftSchema.safeParse(input);
  if (result.success) return { data: result.data, issues: [] };
  const raw = result.error.issues.filter((issue) => !(skipAgency && issue.path[0] === "agencyId"));
  const worded = translateIssues(raw, locale, t);
  const issues = raw.map((issue, i) => {
    const column = columnOf(issue.path[0]) || "_";
    const extra = hint(issue, column, input, t, locale);
    return {
      column,
      code: issue.message.startsWith("v.") ? issue.message.slice(2) : issue.code,
      message: extra ? `${worded[i].message} ${extra}` : worded[i].message,
    };
  });
  return { issues };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The template columns whose value the import would change. */
export function changedColumns(before: InnovationRow, data: InnovationDraft): string[] {
  return IMPORT_COLUMNS.filter((c) => !same(before[c.field], data[c.field])).map((c) => c.header);
}
