import type { LoadedFramework } from "@/lib/iga/frameworks";
import { samplePdf } from "@/lib/iga/sample-pdf";
import { fileStorage } from "@/lib/iga/storage";
import { REGION_SUBJECT } from "@/lib/iga/subject";
import type { Executor } from "@/db/client";
import { igaAssessments, igaEvidence } from "@/db/schema/iga";
import { igaSubmissionEvents, igaSubmissions, type SubmissionStatus } from "@/db/schema/iga-submissions";
import { NEEDS_WORK_COMMENTS, type PlannedAssessment } from "./iga-demo-plan";

const CHUNK = 500;

export async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export interface PlannedSubject {
  plan: PlannedAssessment;
  innovationId: string | null;
  subjectName: string;
}

/**
 * Stores one year's planned sample levels with their sample evidence (one generated PDF per
 * indicator, stored once per SHA-256), all marked is_sample. Returns the counts it wrote.
 */
export async function insertPlannedYear(
  tx: Executor,
  loaded: LoadedFramework,
  options: { regionCode: string; planned: PlannedSubject[]; evaluatorId: string | null },
) {
  const { regionCode, planned, evaluatorId } = options;
  const year = loaded.framework.year;
  const indicatorId = new Map(loaded.indicators.map((i) => [i.code, i.id]));
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
        letterNumber: `${100 + (i % 800)}/${String(1 + (i % 12)).padStart(2, "0")}/IV.04/${year}`,
        letterDate: `${year}-${String(1 + (i % 9)).padStart(2, "0")}-${String(1 + (i % 27)).padStart(2, "0")}`,
        subject: `${indicator.name} — ${subjectName}`,
        isSample: true,
        reviewStatus: plan.evidence,
        reviewComment:
          plan.evidence === "needs_work"
            ? NEEDS_WORK_COMMENTS[i % NEEDS_WORK_COMMENTS.length].replace("2023", String(year))
            : null,
        reviewedBy: reviewed ? evaluatorId : null,
        reviewedAt: reviewed ? new Date() : null,
      },
    ];
  });
  await insertChunked(evidence, (chunk) => tx.insert(igaEvidence).values(chunk));
  return { assessments: planned.length, evidence: evidence.length };
}

/** Sample submission rows with their one-line history, as if each had moved straight to its status. */
export async function insertSampleSubmissions(
  tx: Executor,
  rows: {
    regionCode: string;
    year: number;
    innovationId: string;
    status: SubmissionStatus;
    returnNotes?: Record<string, string>;
  }[],
) {
  await insertChunked(rows, (chunk) =>
    tx.insert(igaSubmissions).values(chunk.map((r) => ({ ...r, returnNotes: r.returnNotes ?? {}, isSample: true }))),
  );
  await insertChunked(rows, (chunk) =>
    tx
      .insert(igaSubmissionEvents)
      .values(
        chunk.map((r) => ({
          regionCode: r.regionCode,
          year: r.year,
          innovationId: r.innovationId,
          fromStatus: "draft" as const,
          toStatus: r.status,
          notes: r.returnNotes ?? {},
          comment: "Data contoh (demo).",
        })),
      ),
  );
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
