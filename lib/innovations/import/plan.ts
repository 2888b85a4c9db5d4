import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { agencies } from "@/db/schema/agencies";
import { innovations } from "@/db/schema/innovations";
import type { Locale } from "@/i18n/locales";
import { type Actor, can, type Ctx } from "@/lib/auth/context";
import { AGENCY_SCOPED_ROLES } from "@/lib/auth/permissions";
import type { InnovationRow } from "../get-innovation";
import type { InnovationDraft } from "../schemas";
import { slug } from "./columns";
import { ImportFileError, type ParsedSheet } from "./parse";
import { changedColumns, type ImportIssue, rowInput, validateRow } from "./plan-row";
import type { Translate } from "./translate";

export type { ImportIssue } from "./plan-row";
export type RowAction = "create" | "update" | "unchanged" | "reject";

export interface ImportRowReport {
  row: number;
  action: RowAction;
  name: string;
  /** The agency's short name when resolved, otherwise the text of the cell. */
  agency: string;
  errors: ImportIssue[];
  /** For an update: the columns whose value changes. */
  changed?: string[];
  /** The innovation's id: the existing one, or the new one once a real import has created it. */
  id?: string;
}

export interface ImportTotals {
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  reject: number;
}

export interface ImportPlan {
  rows: ImportRowReport[];
  totals: ImportTotals;
  creates: { report: ImportRowReport; data: InnovationDraft }[];
  updates: { report: ImportRowReport; before: InnovationRow; data: InnovationDraft }[];
}

// The template's example row starts with this marker; importing it by mistake would create a fake innovation.
const EXAMPLE_ROW = /^\s*\[(contoh|example)\]/i;
const nameKey = (name: string) => name.trim().toLowerCase();

type Agency = { id: string; shortName: string };

/** Agencies of the region by code, short name or full name, any case. Null marks a name two agencies share. */
async function agencyResolver(db: Executor, regionCode: string) {
  const rows = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, shortName: agencies.shortName })
    .from(agencies)
    .where(eq(agencies.regionCode, regionCode));
  const byKey = new Map<string, Agency | null>();
  for (const agency of rows) {
    for (const key of new Set([agency.code, agency.shortName, agency.name].map(slug))) {
      const seen = byKey.get(key);
      byKey.set(key, seen === undefined || seen?.id === agency.id ? agency : null);
    }
  }
  return { resolve: (raw: string) => byKey.get(slug(raw)), byId: new Map(rows.map((a) => [a.id, a])) };
}

/** Existing innovations the file's names may match, keyed by name (any case) and agency; locked when applying. */
async function existingByKey(db: Executor, regionCode: string, names: string[], lock: boolean) {
  const out = new Map<string, InnovationRow[]>();
  const unique = [...new Set(names)];
  for (let i = 0; i < unique.length; i += 1000) {
    const query = db
      .select()
      .from(innovations)
      .where(
        and(
          eq(innovations.regionCode, regionCode),
          inArray(sql`lower(${innovations.name})`, unique.slice(i, i + 1000)),
        ),
      );
    for (const row of lock ? await query.for("update") : await query) {
      const key = `${nameKey(row.name)}|${row.agencyId}`;
      out.set(key, [...(out.get(key) ?? []), row]);
    }
  }
  return out;
}

interface PlanArgs {
  ctx: Ctx;
  db: Executor;
  sheet: ParsedSheet;
  t: Translate;
  locale: Locale;
  /** Inside the applying transaction: lock matched rows so no one changes them between plan and write. */
  lock: boolean;
}

/** Decides, row by row, what importing the sheet would do, and why a row cannot be imported. */
export async function planImport({ ctx, db, sheet, t, locale, lock }: PlanArgs): Promise<ImportPlan> {
  const actor = ctx.actor as Actor;
  const scoped = AGENCY_SCOPED_ROLES.includes(actor.role);
  // Agency staff may leave the agency out: every row is theirs anyway.
  const required = scoped ? ["nama_inovasi"] : ["nama_inovasi", "perangkat_daerah"];
  const missing = required.filter((c) => !sheet.columns.includes(c as never));
  if (missing.length) throw new ImportFileError("import_missing_columns", { columns: missing.join(", ") });

  const agencyOf = await agencyResolver(db, actor.regionCode);
  const ownAgency = scoped && actor.agencyId ? agencyOf.byId.get(actor.agencyId) : undefined;
  const issue = (column: string, code: string, params?: Record<string, string | number>): ImportIssue => ({
    column,
    code,
    message: t(`innovationImport.issue.${code}`, params),
  });

  const resolved = sheet.rows.map((r) => {
    const raw = r.cells.perangkat_daerah ?? "";
    return { ...r, agencyRaw: raw, agency: raw ? agencyOf.resolve(raw) : ownAgency };
  });
  const existing = await existingByKey(
    db,
    actor.regionCode,
    resolved.filter((r) => r.agency && r.cells.nama_inovasi).map((r) => nameKey(r.cells.nama_inovasi!)),
    lock,
  );

  const plan: ImportPlan = {
    rows: [],
    totals: { rows: 0, create: 0, update: 0, unchanged: 0, reject: 0 },
    creates: [],
    updates: [],
  };
  const firstRowOf = new Map<string, number>();
  for (const { row, cells, agencyRaw, agency } of resolved) {
    const name = cells.nama_inovasi ?? "";
    const errors: ImportIssue[] = [];
    if (!agency) {
      const code = agency === null ? "agencyAmbiguous" : agencyRaw ? "agencyUnknown" : "agencyRequired";
      errors.push(issue("perangkat_daerah", code, { value: agencyRaw }));
    } else if (!can(ctx, "innovation.write", { agencyId: agency.id })) {
      errors.push(issue("perangkat_daerah", "otherAgency", { agency: agency.shortName }));
    }
    if (EXAMPLE_ROW.test(name)) errors.push(issue("nama_inovasi", "exampleRow"));
    const key = agency && name.trim() ? `${nameKey(name)}|${agency.id}` : undefined;
    const matches = key ? (existing.get(key) ?? []) : [];
    if (key && firstRowOf.has(key))
      errors.push(issue("nama_inovasi", "duplicateInFile", { row: firstRowOf.get(key)! }));
    else if (key) firstRowOf.set(key, row);
    if (matches.length > 1) errors.push(issue("nama_inovasi", "ambiguousMatch", { count: matches.length }));
    const before = matches.length === 1 ? matches[0] : undefined;

    const input = rowInput(sheet.columns, cells, agency?.id, before);
    const { data, issues } = validateRow(input, !agency, t, locale);
    errors.push(...issues);
    plan.rows.push(decide(plan, { row, name, agency: agency?.shortName ?? agencyRaw, errors }, data, before));
  }
  plan.totals.rows = plan.rows.length;
  return plan;
}

/** Files the row under its action and counts it. */
function decide(
  plan: ImportPlan,
  base: Omit<ImportRowReport, "action">,
  data?: InnovationDraft,
  before?: InnovationRow,
): ImportRowReport {
  let report: ImportRowReport;
  if (base.errors.length > 0 || !data) {
    report = { ...base, action: "reject" };
  } else if (!before) {
    report = { ...base, action: "create" };
    plan.creates.push({ report, data });
  } else {
    const changed = changedColumns(before, data);
    report = {
      ...base,
      action: changed.length ? "update" : "unchanged",
      id: before.id,
      ...(changed.length ? { changed } : {}),
    };
    if (changed.length) plan.updates.push({ report, before, data });
  }
  plan.totals[report.action]++;
  return report;
}
