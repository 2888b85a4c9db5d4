import { and, count, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { importBatches, serviceRecords } from "@/db/schema/beneficiaries";
import { igaAssessments, igaEvidence } from "@/db/schema/iga";

/**
 * Records elsewhere that hang on an innovation (levels, evidence, beneficiary data, import batches —
 * every table with a foreign key to it). An innovation with any of them cannot be deleted, only
 * archived.
 */
type DependentCounter = (db: Executor, regionCode: string, innovationId: string) => Promise<number>;

const counters = new Map<string, DependentCounter>([
  [
    "evidence",
    async (db, region, id) =>
      (
        await db
          .select({ n: count() })
          .from(igaEvidence)
          .innerJoin(
            igaAssessments,
            and(eq(igaAssessments.regionCode, igaEvidence.regionCode), eq(igaAssessments.id, igaEvidence.assessmentId)),
          )
          .where(and(eq(igaEvidence.regionCode, region), eq(igaAssessments.innovationId, id)))
      )[0].n,
  ],
  [
    "assessments",
    async (db, region, id) =>
      (
        await db
          .select({ n: count() })
          .from(igaAssessments)
          .where(and(eq(igaAssessments.regionCode, region), eq(igaAssessments.innovationId, id)))
      )[0].n,
  ],
  [
    "service_records",
    async (db, region, id) =>
      (
        await db
          .select({ n: count() })
          .from(serviceRecords)
          .where(and(eq(serviceRecords.regionCode, region), eq(serviceRecords.innovationId, id)))
      )[0].n,
  ],
  // A check (dry run) or a failed import leaves a batch, with its report, even without records.
  [
    "import_batches",
    async (db, region, id) =>
      (
        await db
          .select({ n: count() })
          .from(importBatches)
          .where(and(eq(importBatches.regionCode, region), eq(importBatches.innovationId, id)))
      )[0].n,
  ],
]);

export async function innovationDependents(
  db: Executor,
  regionCode: string,
  innovationId: string,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [kind, counter] of counters) {
    const n = await counter(db, regionCode, innovationId);
    if (n > 0) out[kind] = n;
  }
  return out;
}
