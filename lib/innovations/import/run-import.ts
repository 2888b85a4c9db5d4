import { z } from "zod";
import { DEFAULT_LOCALE, LOCALES } from "@/i18n/locales";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { applyPlan } from "./apply";
import { parseImportFile, type ParsedSheet } from "./parse";
import { type ImportPlan, type ImportRowReport, type ImportTotals, planImport } from "./plan";
import { importTranslator, type Translate } from "./translate";

const importInput = z.object({
  file: z.object({ name: z.string().max(255), bytes: z.instanceof(Uint8Array) }),
  dryRun: z.boolean(),
  /** The language of the report's messages. */
  locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
});
export type ImportInput = z.input<typeof importInput>;

export interface ImportReport {
  fileName: string;
  format: ParsedSheet["format"];
  dryRun: boolean;
  /** True only when a real run wrote the rows; a real run with any rejected row writes nothing. */
  applied: boolean;
  totals: ImportTotals;
  rows: ImportRowReport[];
  /** Headers the import does not know, so a misspelt column does not go unnoticed. */
  ignoredColumns: string[];
  message: string;
}

function summary(plan: ImportPlan, dryRun: boolean, applied: boolean, t: Translate): string {
  const counts = { ...plan.totals };
  if (applied) return t("innovationImport.summary.applied", counts);
  const checked = t("innovationImport.summary.checked", counts);
  if (plan.totals.reject > 0)
    return `${checked} ${t(dryRun ? "innovationImport.summary.wouldRefuse" : "innovationImport.summary.refused", counts)}`;
  return `${checked} ${t("innovationImport.summary.dryRunOk", counts)}`;
}

/**
 * Creates or updates innovations from a filled template (XLSX or CSV), matched by name (any case)
 * and agency. A dry run only reports; a real run writes all rows in one transaction or none.
 */
export async function importInnovations({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<ImportReport> {
  const actor = requirePermission(ctx, "innovation.write");
  const { file, dryRun, locale } = parseInput(importInput, input);
  const t = importTranslator(locale);
  const sheet = await parseImportFile(file);
  const report = (plan: ImportPlan, applied: boolean): ImportReport => ({
    fileName: file.name,
    format: sheet.format,
    dryRun,
    applied,
    totals: plan.totals,
    rows: plan.rows,
    ignoredColumns: sheet.ignoredColumns,
    message: summary(plan, dryRun, applied, t),
  });

  if (dryRun) return report(await planImport({ ctx, db: ctx.db, sheet, t, locale, lock: false }), false);

  return ctx.db.transaction(async (tx) => {
    // Planned again inside the transaction: what was checked in the dry run may have changed since.
    const plan = await planImport({ ctx, db: tx, sheet, t, locale, lock: true });
    if (plan.totals.reject > 0) return report(plan, false);
    await applyPlan(tx, ctx, plan);
    const { rows, create, update, unchanged } = plan.totals;
    await writeAudit(
      tx,
      actor,
      {
        action: "innovation.import",
        entity: "innovation",
        after: { fileName: file.name, format: sheet.format, rows, created: create, updated: update, unchanged },
      },
      ctx.requestId,
    );
    return report(plan, true);
  });
}
