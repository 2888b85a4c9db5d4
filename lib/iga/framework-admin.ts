import { count, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { igaAssessments, igaFrameworks, igaIndicators } from "@/db/schema/iga";
import type { Executor } from "@/db/client";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { ConflictError, parseInput, ValidationError } from "@/lib/errors";
import { findFramework, loadFramework } from "./frameworks";
import { indicatorRow, insertRuleSet } from "./framework-write";
import { ruleSetSchema } from "./rule-set";
import { yearSchema } from "./schemas";

/**
 * An admin's changes to the rule sets: clone a year into the next (as a draft), edit a year's
 * indicators, categories and formula, and activate or deactivate it. A new guideline is data.
 */

const cloneSchema = z.object({ fromYear: yearSchema, toYear: yearSchema });
const statusSchema = z.object({
  year: yearSchema,
  status: z.enum(["draft", "active"]),
  version: z.number().int().min(1),
});
const editSchema = z.object({ year: yearSchema, version: z.number().int().min(1, { error: "v.igaVersion" }) });

/** The rule-set checks speak English for developers; people get these messages instead. */
function readableIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "custom") return issue;
  const [head, , field] = issue.path;
  const message =
    head === "indicators"
      ? "v.igaDuplicateCode"
      : head === "categories"
        ? field === "min"
          ? "v.igaCategoryRange"
          : "v.igaCategoryOrder"
        : "v.igaMaxTotal";
  return { ...issue, message };
}

async function assessmentsOf(tx: Executor, indicatorIds: string[]): Promise<Map<string, number>> {
  if (indicatorIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: igaAssessments.indicatorId, n: count() })
    .from(igaAssessments)
    .where(inArray(igaAssessments.indicatorId, indicatorIds))
    .groupBy(igaAssessments.indicatorId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function cloneFramework({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "iga.framework.manage");
  const { fromYear, toYear } = parseInput(cloneSchema, input);
  return ctx.db.transaction(async (tx) => {
    const source = await loadFramework(tx, fromYear);
    if (await findFramework(tx, toYear)) throw new ConflictError("iga_framework_exists", { year: toYear });
    const ruleSet = {
      ...source.ruleSet,
      year: toYear,
      name: source.ruleSet.name.replaceAll(String(fromYear), String(toYear)),
    };
    const framework = await insertRuleSet(tx, ruleSet, "draft", source.rawFormula);
    await writeAudit(
      tx,
      actor,
      {
        action: "iga.framework.clone",
        entity: "iga_framework",
        entityId: framework.id,
        after: { fromYear, ...ruleSet },
      },
      ctx.requestId,
    );
    return framework;
  });
}

const keepsProfileFields = (sent: object) => {
  const formula = (sent as { formula?: unknown }).formula;
  return !(typeof formula === "object" && formula !== null && "requiredProfileFields" in formula);
};

/**
 * Replaces a year's rule set with an edited one, matching indicators by code so the levels already
 * chosen stay attached. Removing an indicator, or moving it to the other scope, is refused while
 * assessments use it: their levels and evidence would silently vanish or change meaning.
 */
export async function updateFramework({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "iga.framework.manage");
  const { year, version } = parseInput(editSchema, input);
  const parsed = ruleSetSchema.safeParse({ ...(input as object), year });
  if (!parsed.success) throw new ValidationError(parsed.error.issues.map(readableIssue));
  const ruleSet = parsed.data;
  const sent = input as object;
  return ctx.db.transaction(async (tx) => {
    const current = await loadFramework(tx, year);
    const [locked] = await tx
      .select()
      .from(igaFrameworks)
      .where(eq(igaFrameworks.id, current.framework.id))
      .for("update");
    if (locked.version !== version) throw new ConflictError("iga_stale_framework", { version: locked.version });
    const incoming = new Map(ruleSet.indicators.map((i, n) => [i.code, { indicator: i, sortOrder: n }]));
    const used = await assessmentsOf(
      tx,
      current.indicators.map((i) => i.id),
    );
    for (const row of current.indicators) {
      const next = incoming.get(row.code);
      if ((!next || next.indicator.scope !== row.scope) && (used.get(row.id) ?? 0) > 0) {
        throw new ConflictError("iga_indicator_in_use", { code: row.code, count: used.get(row.id) ?? 0 });
      }
    }
    const frameworkId = current.framework.id;
    const kept = new Set<string>();
    for (const row of current.indicators) {
      const next = incoming.get(row.code);
      if (!next) continue;
      kept.add(row.code);
      const { frameworkId: _f, ...values } = indicatorRow(frameworkId, next.indicator, next.sortOrder);
      await tx.update(igaIndicators).set(values).where(eq(igaIndicators.id, row.id));
    }
    const removed = current.indicators.filter((r) => !kept.has(r.code)).map((r) => r.id);
    if (removed.length > 0) await tx.delete(igaIndicators).where(inArray(igaIndicators.id, removed));
    const added = [...incoming.values()].filter((x) => !kept.has(x.indicator.code));
    if (added.length > 0)
      await tx.insert(igaIndicators).values(added.map((x) => indicatorRow(frameworkId, x.indicator, x.sortOrder)));
    const [after] = await tx
      .update(igaFrameworks)
      .set({
        name: ruleSet.name,
        categories: ruleSet.categories,
        formula: {
          ...current.rawFormula,
          ...ruleSet.formula,
          // A formula sent without the list (an older client) keeps the stored one.
          ...(keepsProfileFields(sent) ? { requiredProfileFields: current.ruleSet.formula.requiredProfileFields } : {}),
        },
        // An edit that does not send them (an older client, a formula-only change) keeps them.
        sources: "sources" in sent ? ruleSet.sources : current.ruleSet.sources,
        parameterStatus: "parameterStatus" in sent ? ruleSet.parameterStatus : current.ruleSet.parameterStatus,
        version: locked.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(igaFrameworks.id, frameworkId))
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: "iga.framework.update",
        entity: "iga_framework",
        entityId: frameworkId,
        before: current.ruleSet,
        after: ruleSet,
      },
      ctx.requestId,
    );
    return after;
  });
}

/** Only an active framework can be assessed; a draft is being prepared. */
export async function setFrameworkStatus({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "iga.framework.manage");
  const { year, status, version } = parseInput(statusSchema, input);
  return ctx.db.transaction(async (tx) => {
    const { framework } = await loadFramework(tx, year);
    const [before] = await tx.select().from(igaFrameworks).where(eq(igaFrameworks.id, framework.id)).for("update");
    if (before.version !== version) throw new ConflictError("iga_stale_framework", { version: before.version });
    const [after] = await tx
      .update(igaFrameworks)
      .set({ status, version: before.version + 1, updatedAt: new Date() })
      .where(eq(igaFrameworks.id, framework.id))
      .returning();
    await writeAudit(
      tx,
      actor,
      { action: "iga.framework.status", entity: "iga_framework", entityId: framework.id, before, after },
      ctx.requestId,
    );
    return after;
  });
}
