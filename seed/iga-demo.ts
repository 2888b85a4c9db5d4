import { and, asc, between, count, eq, isNull } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write";
import { findFramework } from "@/lib/iga/frameworks";
import type { Executor } from "@/db/client";
import { igaAssessments } from "@/db/schema/iga";
import { innovations } from "@/db/schema/innovations";
import { users } from "@/db/schema/users";
import { insertPlannedYear, insertSampleSubmissions, type PlannedSubject } from "./iga-demo-insert";
import { planInnovation, planRegion } from "./iga-demo-plan";
import { seedIgaLaterYearsDemo } from "./iga-demo-years";

const DEMO_YEAR = 2023;

/**
 * Plausible 2023 levels and sample evidence for the demo innovations and the region, so a fresh
 * install's estimate is believable instead of zero, with those innovations submitted (Mesuji
 * reported them in 2023); then the later years' sample sets (iga-demo-years.ts). All rows are
 * marked is_sample. Runs once, right after the demo seed, and only while no assessment exists.
 */
export async function seedIgaDemo(db: Executor, options: { regionCode: string }) {
  const loaded = await findFramework(db, DEMO_YEAR);
  if (!loaded) return { seeded: false, assessments: 0, evidence: 0 };
  const { regionCode } = options;
  return db.transaction(async (tx) => {
    const [{ n }] = await tx
      .select({ n: count() })
      .from(igaAssessments)
      .where(eq(igaAssessments.regionCode, regionCode));
    if (n > 0) return { seeded: false, assessments: 0, evidence: 0 };
    const subjects = await tx
      .select({
        id: innovations.id,
        name: innovations.name,
        stage: innovations.stage,
        isSample: innovations.isSample,
        yearApplied: innovations.yearApplied,
      })
      .from(innovations)
      // Every innovation the 2023 rules let Mesuji enter (applied 2022 or 2023): the 110 it reported.
      .where(
        and(
          eq(innovations.regionCode, regionCode),
          between(innovations.yearApplied, DEMO_YEAR - 1, DEMO_YEAR),
          isNull(innovations.archivedAt),
        ),
      )
      .orderBy(asc(innovations.createdAt), asc(innovations.name));
    const [evaluator] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "evaluator"), eq(users.regionCode, regionCode)))
      .limit(1);
    const planned: PlannedSubject[] = [
      ...planRegion(loaded.ruleSet.indicators).map((plan) => ({
        plan,
        innovationId: null,
        subjectName: "Kabupaten Mesuji",
      })),
      ...subjects.flatMap((s) =>
        planInnovation(loaded.ruleSet.indicators, s).map((plan) => ({ plan, innovationId: s.id, subjectName: s.name })),
      ),
    ];
    const written = await insertPlannedYear(tx, loaded, { regionCode, planned, evaluatorId: evaluator?.id ?? null });
    // Mesuji reported these in 2023: all submitted, so the 2023 estimate is the one it always was.
    await insertSampleSubmissions(
      tx,
      subjects.map((s) => ({ regionCode, year: DEMO_YEAR, innovationId: s.id, status: "submitted" as const })),
    );
    const later = await seedIgaLaterYearsDemo(tx, {
      regionCode,
      evaluatorId: evaluator?.id ?? null,
      submitted2023: subjects,
    });
    const result = { seeded: true, ...written, submitted: subjects.length, later };
    await writeAudit(tx, null, { action: "seed.iga_demo", entity: "database", after: { year: DEMO_YEAR, ...result } });
    return result;
  });
}
