import type { Ctx } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { subjectView } from "./assessment-view";

/**
 * The indicators of one subject (an innovation, or the region when innovationId is null) as the
 * API gives them: each with its level, the version to send back when changing it, its score and
 * its evidence. Bytes are fetched separately from /api/v1/iga/evidence/{id}/file.
 */
export async function assessmentsResponse({
  ctx,
  year,
  innovationId,
}: {
  ctx: Ctx;
  year: number;
  innovationId: string | null;
}) {
  const view = await subjectView({ ctx, innovationId, year });
  // subjectView falls back to another year for the tab; the API answers only the year asked.
  if (!view || view.year !== year) throw new NotFoundError("framework");
  return {
    year: view.year,
    innovationId,
    items: view.items.map((item) => ({
      code: item.indicator.code,
      name: item.indicator.name,
      scope: item.indicator.scope,
      weight: item.indicator.weight,
      levels: item.indicator.levels,
      evidenceNeeded: item.indicator.evidence,
      level: item.assessment?.level ?? null,
      version: item.assessment?.version ?? 0,
      hasEvidence: item.hasEvidence,
      score: item.score,
      max: item.max,
      proposedLevel: item.proposal ? { residents: item.proposal.residents, level: item.proposal.level } : null,
      evidence: item.evidence.map((e) => ({
        id: e.id,
        kind: e.kind,
        fileName: e.fileName,
        mimeType: e.mimeType,
        size: e.size,
        url: e.url,
        letterNumber: e.letterNumber,
        letterDate: e.letterDate,
        subject: e.subject,
        isSample: e.isSample,
        reviewStatus: e.reviewStatus,
        reviewComment: e.reviewComment,
        reviewedAt: e.reviewedAt,
        createdAt: e.createdAt,
      })),
    })),
  };
}
