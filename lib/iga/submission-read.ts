import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { igaAssessments, igaEvidence, igaIndicators } from "@/db/schema/iga";
import { igaSubmissions, type SubmissionStatus } from "@/db/schema/iga-submissions";
import type { InnovationRow } from "@/lib/innovations/get-innovation";
import { completeness } from "@/lib/innovations/schemas";
import type { LoadedFramework } from "./frameworks";
import { eligibilityProblems, type ReadinessProblem, readinessProblems } from "./submission-rules";

/** Reads shared by the submission use cases and views (inside the caller's transaction or not). */

export async function findSubmission(
  db: Executor,
  regionCode: string,
  year: number,
  innovationId: string,
  forUpdate = false,
) {
  const query = db
    .select()
    .from(igaSubmissions)
    .where(
      and(
        eq(igaSubmissions.regionCode, regionCode),
        eq(igaSubmissions.year, year),
        eq(igaSubmissions.innovationId, innovationId),
      ),
    )
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** The other years this innovation was entered in (sent, whatever the evaluator said since). */
export async function otherYearsEntered(
  db: Executor,
  regionCode: string,
  year: number,
  innovationId: string,
): Promise<number[]> {
  const rows = await db
    .select({ year: igaSubmissions.year })
    .from(igaSubmissions)
    .where(
      and(
        eq(igaSubmissions.regionCode, regionCode),
        eq(igaSubmissions.innovationId, innovationId),
        ne(igaSubmissions.year, year),
        inArray(igaSubmissions.status, ["submitted", "verified", "returned"] satisfies SubmissionStatus[]),
      ),
    );
  return rows.map((r) => r.year);
}

/** Everything that keeps one innovation from being sent for a year: profile, levels, evidence, rules. */
export async function submissionProblems(
  db: Executor,
  loaded: LoadedFramework,
  innovation: InnovationRow,
): Promise<ReadinessProblem[]> {
  const year = loaded.framework.year;
  const assessed = await db
    .select({
      code: igaIndicators.code,
      level: igaAssessments.level,
      hasEvidence: sql<boolean>`exists (select 1 from ${igaEvidence} where ${igaEvidence.assessmentId} = ${igaAssessments.id} and ${igaEvidence.reviewStatus} <> 'needs_work')`,
    })
    .from(igaAssessments)
    .innerJoin(igaIndicators, eq(igaIndicators.id, igaAssessments.indicatorId))
    .where(
      and(
        eq(igaIndicators.frameworkId, loaded.framework.id),
        eq(igaAssessments.regionCode, innovation.regionCode),
        eq(igaAssessments.subjectKey, innovation.id),
      ),
    );
  const profile = completeness(innovation);
  return [
    ...eligibilityProblems(
      loaded.ruleSet.formula,
      year,
      innovation.yearApplied,
      await otherYearsEntered(db, innovation.regionCode, year, innovation.id),
    ),
    ...readinessProblems({
      missingProfileFields: profile.missing,
      indicators: loaded.ruleSet.indicators,
      assessed: assessed.map((a) => ({ ...a, hasEvidence: Boolean(a.hasEvidence) })),
    }),
  ];
}
