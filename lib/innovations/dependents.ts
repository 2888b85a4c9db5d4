import { count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { importBatches, serviceRecords } from "@/db/schema/beneficiaries";
import { igaAssessments, igaEvidence } from "@/db/schema/iga";

/**
 * Records elsewhere that hang on an innovation (levels, evidence, beneficiary data, import batches —
 * every table with a foreign key to it). An innovation with any of them cannot be deleted, only
 * archived.
 */
type DependentCounter = (db: Executor, innovationId: string) => Promise<number>;

const counters = new Map<string, DependentCounter>([
  [
    "evidence",
    async (db, id) =>
      (
        await db
          .select({ n: count() })
          .from(igaEvidence)
          .innerJoin(igaAssessments, eq(igaAssessments.id, igaEvidence.assessmentId))
          .where(eq(igaAssessments.innovationId, id))
      )[0].n,
  ],
  [
    "assessments",
    async (db, id) =>
      (await db.select({ n: count() }).from(igaAssessments).where(eq(igaAssessments.innovationId, id)))[0].n,
  ],
  [
    "service_records",
    async (db, id) =>
      (await db.select({ n: count() }).from(serviceRecords).where(eq(serviceRecords.innovationId, id)))[0].n,
  ],
  // A check (dry run) or a failed import leaves a batch, with its report, even without records.
  [
    "import_batches",
    async (db, id) =>
      (await db.select({ n: count() }).from(importBatches).where(eq(importBatches.innovationId, id)))[0].n,
  ],
]);

export async function innovationDependents(db: Executor, innovationId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [kind, counter] of counters) {
    const n = await counter(db, innovationId);
    if (n > 0) out[kind] = n;
  }
  return out;
}
