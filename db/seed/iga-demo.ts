import { and, asc, count, eq, isNull } from "drizzle-orm";
import { writeAudit } from "@/lib/audit/write";
import { findFramework } from "@/lib/iga/frameworks";
import { samplePdf } from "@/lib/iga/sample-pdf";
import { fileStorage } from "@/lib/iga/storage";
import { REGION_SUBJECT } from "@/lib/iga/subject";
import type { Executor } from "../client";
import { igaAssessments, igaEvidence } from "../schema/iga";
import { igaSubmissionEvents, igaSubmissions } from "../schema/iga-submissions";
import { innovations } from "../schema/innovations";
import { users } from "../schema/users";
import { NEEDS_WORK_COMMENTS, type PlannedAssessment, planInnovation, planRegion } from "./iga-demo-plan";

const DEMO_YEAR = 2023;
const CHUNK = 500;

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/**
 * Plausible 2023 levels and sample evidence for the demo innovations and the region, so a fresh
 * install's estimate is believable instead of zero. One generated PDF per indicator serves every
 * innovation (the store keeps one copy per SHA-256); all rows are marked is_sample. Runs once,
 * right after the demo seed, and only while no 2023 assessment exists.
 */
export async function seedIgaDemo(db: Executor, options: { regionCode: string }) {
  const loaded = await findFramework(db, DEMO_YEAR);
  if (!loaded) return { seeded: false, assessments: 0, evidence: 0 };
  const { regionCode } = options;
  return db.transaction(async (tx) => {
    const [{ n }] = await tx.select({ n: count() }).from(igaAssessments).where(eq(igaAssessments.regionCode, regionCode));
    if (n > 0) return { seeded: false, assessments: 0, evidence: 0 };
    const subjects = await tx
      .select({ id: innovations.id, name: innovations.name, stage: innovations.stage, isSample: innovations.isSample })
      .from(innovations)
      .where(and(eq(innovations.regionCode, regionCode), eq(innovations.yearApplied, DEMO_YEAR), isNull(innovations.archivedAt)))
      .orderBy(asc(innovations.createdAt), asc(innovations.name));
    const [evaluator] = await tx.select({ id: users.id }).from(users).where(and(eq(users.role, "evaluator"), eq(users.regionCode, regionCode))).limit(1);
    const indicatorId = new Map(loaded.indicators.map((i) => [i.code, i.id]));
    const planned: { plan: PlannedAssessment; innovationId: string | null; subjectName: string }[] = [
      ...planRegion(loaded.ruleSet.indicators).map((plan) => ({ plan, innovationId: null, subjectName: "Kabupaten Mesuji" })),
      ...subjects.flatMap((s) => planInnovation(loaded.ruleSet.indicators, s).map((plan) => ({ plan, innovationId: s.id, subjectName: s.name }))),
    ];
    const assessmentIds: string[] = [];
    await insertChunked(planned, async (chunk) => {
      const rows = await tx
        .insert(igaAssessments)
        .values(
          chunk.map(({ plan, innovationId }) => ({
            regionCode,
            indicatorId: indicatorId.get(plan.code)!,
            innovationId,
            subjectKey: innovationId ?? REGION_SUBJECT,
            level: plan.level,
            isSample: true,
          })),
        )
        .returning({ id: igaAssessments.id });
      assessmentIds.push(...rows.map((r) => r.id));
    });
    const files = await sampleFiles(tx, loaded.ruleSet.indicators);
    const evidence = planned.flatMap(({ plan, subjectName }, i) => {
      if (!plan.evidence) return [];
      const indicator = loaded.ruleSet.indicators.find((x) => x.code === plan.code)!;
      const reviewed = plan.evidence !== "pending";
      return [
        {
          regionCode,
          assessmentId: assessmentIds[i],
          kind: "file" as const,
          fileId: files.get(plan.code)!,
          fileName: `${plan.code}-contoh.pdf`,
          letterNumber: `${100 + (i % 800)}/${String(1 + (i % 12)).padStart(2, "0")}/IV.04/${DEMO_YEAR}`,
          letterDate: `${DEMO_YEAR}-${String(1 + (i % 9)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`,
          subject: `${indicator.name} — ${subjectName}`,
          isSample: true,
          reviewStatus: plan.evidence,
          reviewComment: plan.evidence === "needs_work" ? NEEDS_WORK_COMMENTS[i % NEEDS_WORK_COMMENTS.length] : null,
          reviewedBy: reviewed ? (evaluator?.id ?? null) : null,
          reviewedAt: reviewed ? new Date() : null,
        },
      ];
    });
    await insertChunked(evidence, (chunk) => tx.insert(igaEvidence).values(chunk));
    // Mesuji reported these in 2023: all submitted, so the 2023 estimate is the one it always was.
    const submitted = subjects.map((s) => ({ regionCode, year: DEMO_YEAR, innovationId: s.id, status: "submitted" as const, isSample: true }));
    await insertChunked(submitted, (chunk) => tx.insert(igaSubmissions).values(chunk));
    await insertChunked(submitted, (chunk) =>
      tx.insert(igaSubmissionEvents).values(chunk.map(({ regionCode: r, year, innovationId }) => ({ regionCode: r, year, innovationId, fromStatus: "draft" as const, toStatus: "submitted" as const, comment: "Data contoh (demo)." }))),
    );
    const result = { seeded: true, assessments: planned.length, evidence: evidence.length, submitted: submitted.length };
    await writeAudit(tx, null, { action: "seed.iga_demo", entity: "database", after: { year: DEMO_YEAR, ...result } });
    return result;
  });
}

/** One small PDF per indicator, naming it and saying it is a sample. */
async function sampleFiles(tx: Executor, indicators: { code: string; name: string; evidence: string }[]) {
  const ids = new Map<string, string>();
  for (const indicator of indicators) {
    const pdf = samplePdf([
      `Data dukung contoh: ${indicator.code} ${indicator.name}`,
      "Dokumen contoh untuk demo aplikasi Inovasi Daerah Mesuji.",
      "Bukan dokumen resmi.",
      `Bukti yang diminta: ${indicator.evidence}`,
    ]);
    ids.set(indicator.code, (await fileStorage().put(tx, pdf, "application/pdf")).id);
  }
  return ids;
}
