import { asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { type FrameworkStatus, igaFrameworks, igaIndicators } from "@/db/schema/iga";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { parseRuleSet, type RuleSet } from "./rule-set";

/**
 * Rule sets live in the database (one framework per year, its indicators as rows), so a new
 * guideline is an admin's edit, not a release. This module reads them back as the score engine's
 * RuleSet, validated by the same schema the editor uses.
 */

export type FrameworkRow = typeof igaFrameworks.$inferSelect;
export type IndicatorRow = typeof igaIndicators.$inferSelect;

export interface LoadedFramework {
  framework: FrameworkRow;
  ruleSet: RuleSet;
  /** The stored indicators in rule-set order, with the ids assessments point at. */
  indicators: IndicatorRow[];
  /** The stored formula as is: it may carry extra data (e.g. beneficiary thresholds) the engine ignores. */
  rawFormula: Record<string, unknown>;
}

function ruleSetFromRows(framework: FrameworkRow, indicators: IndicatorRow[]): RuleSet {
  return parseRuleSet({
    year: framework.year,
    name: framework.name,
    indicators: indicators.map((i) => ({
      code: i.code,
      name: i.name,
      scope: i.scope,
      weight: i.weight,
      levels: i.levels,
      evidence: i.evidence,
      mandatory: i.mandatory,
      derivedFrom: i.derivedFrom,
    })),
    categories: framework.categories,
    formula: framework.formula,
    sources: framework.sources,
    parameterStatus: framework.parameterStatus,
  });
}

/** The framework of a year with its rule set; undefined when the year has none. */
export async function findFramework(db: Executor, year: number): Promise<LoadedFramework | undefined> {
  const [framework] = await db.select().from(igaFrameworks).where(eq(igaFrameworks.year, year)).limit(1);
  if (!framework) return undefined;
  const indicators = await db
    .select()
    .from(igaIndicators)
    .where(eq(igaIndicators.frameworkId, framework.id))
    .orderBy(asc(igaIndicators.sortOrder), asc(igaIndicators.code));
  return { framework, indicators, ruleSet: ruleSetFromRows(framework, indicators), rawFormula: framework.formula };
}

export async function loadFramework(db: Executor, year: number): Promise<LoadedFramework> {
  const found = await findFramework(db, year);
  if (!found) throw new NotFoundError("framework");
  return found;
}

/** The most recent active year: the one the IGA pages open on. */
export async function activeYear(db: Executor): Promise<number | undefined> {
  const [row] = await db
    .select({ year: igaFrameworks.year })
    .from(igaFrameworks)
    .where(eq(igaFrameworks.status, "active"))
    .orderBy(desc(igaFrameworks.year))
    .limit(1);
  return row?.year;
}

/** The years with a rule set, newest first. */
export async function frameworkYears(db: Executor): Promise<number[]> {
  const rows = await db.select({ year: igaFrameworks.year }).from(igaFrameworks).orderBy(desc(igaFrameworks.year));
  return rows.map((r) => r.year);
}

export interface FrameworkSummary {
  year: number;
  name: string;
  status: FrameworkStatus;
  version: number;
  regionIndicators: number;
  innovationIndicators: number;
  /** Assessments of this year in the caller's region: a framework in use is edited with care. */
  assessments: number;
  updatedAt: Date;
}

/** Every framework, newest first (a handful of rows: one per year). */
export async function listFrameworks({ ctx }: { ctx: Ctx }): Promise<FrameworkSummary[]> {
  const actor = requirePermission(ctx, "iga.read");
  const rows = await ctx.db
    .select({
      year: igaFrameworks.year,
      name: igaFrameworks.name,
      status: igaFrameworks.status,
      version: igaFrameworks.version,
      updatedAt: igaFrameworks.updatedAt,
      // Correlated counts written out: drizzle leaves columns unqualified in a one-table select.
      regionIndicators:
        sql<number>`(select count(*) from iga_indicators ii where ii.framework_id = iga_frameworks.id and ii.scope = 'region')`.mapWith(
          Number,
        ),
      innovationIndicators:
        sql<number>`(select count(*) from iga_indicators ii where ii.framework_id = iga_frameworks.id and ii.scope = 'innovation')`.mapWith(
          Number,
        ),
      assessments: sql<number>`(select count(*) from iga_assessments a join iga_indicators ii on ii.id = a.indicator_id
        where ii.framework_id = iga_frameworks.id and a.region_code = ${actor.regionCode})`.mapWith(Number),
    })
    .from(igaFrameworks)
    .orderBy(desc(igaFrameworks.year))
    .limit(100);
  return rows;
}

/** One year's rule set for readers (API, editor). */
export async function getFramework({ ctx, year }: { ctx: Ctx; year: number }) {
  requirePermission(ctx, "iga.read");
  const { framework, ruleSet, rawFormula } = await loadFramework(ctx.db, year);
  return { ...ruleSet, status: framework.status, version: framework.version, rawFormula };
}
