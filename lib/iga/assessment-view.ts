import { and, asc, eq, inArray } from "drizzle-orm";
import { igaAssessments, igaEvidence, storedFiles } from "@/db/schema/iga";
import { type Ctx, can, requirePermission } from "@/lib/auth/context";
import { NotFoundError } from "@/lib/errors";
import { findInnovation, type InnovationRow } from "@/lib/innovations/get-innovation";
import { type BenefitProposal, benefitProposal } from "./benefit-proposal";
import { activeYear, findFramework, type IndicatorRow, type LoadedFramework } from "./frameworks";
import type { Level } from "./rule-set";
import { REGION_SUBJECT } from "./subject";

/** What the indicators tab and the region page show for each indicator of one subject. */

export type EvidenceView = typeof igaEvidence.$inferSelect & { mimeType: string | null; size: number | null };

export interface IndicatorView {
  indicator: IndicatorRow;
  assessment: { id: string; level: Level | null; version: number; note: string | null } | null;
  evidence: EvidenceView[];
  /** At least one piece of evidence not marked needs_work: without it the indicator scores 0. */
  hasEvidence: boolean;
  score: number;
  max: number;
  proposal: BenefitProposal | null;
}

export interface SubjectView {
  year: number;
  frameworkName: string;
  frameworkActive: boolean;
  /** The innovation's reported year, when it differs from the framework shown. */
  yearApplied: number | null;
  canAssess: boolean;
  canReview: boolean;
  /** May attach the register's beneficiary list (reads personal data: Bappeda and admin). */
  canAttachList: boolean;
  /** May show an innovation's evidence photos in the public gallery (admin and Bappeda). */
  canPublishPhotos: boolean;
  items: IndicatorView[];
  /** The items' scores and maxima added up: the subject's total out of its maximum. */
  score: number;
  max: number;
}

/** The framework to show for an innovation: the asked year, else its reported year, else the active one. */
async function pickFramework(ctx: Ctx, years: (number | undefined)[]): Promise<LoadedFramework | undefined> {
  for (const year of [...years, await activeYear(ctx.db)]) {
    if (year === undefined || !Number.isInteger(year)) continue;
    const found = await findFramework(ctx.db, year);
    if (found) return found;
  }
  return undefined;
}

/** `preloaded`: the innovation as the caller (a page) has already read it in the caller's region. */
export async function subjectView({
  ctx,
  innovationId,
  year,
  preloaded,
}: {
  ctx: Ctx;
  innovationId: string | null;
  year?: number;
  preloaded?: InnovationRow;
}): Promise<SubjectView | null> {
  const actor = requirePermission(ctx, "iga.read");
  let innovation: InnovationRow | undefined;
  if (innovationId) {
    innovation =
      preloaded?.id === innovationId ? preloaded : await findInnovation(ctx.db, actor.regionCode, innovationId);
    if (!innovation) throw new NotFoundError("innovation");
  }
  const loaded = await pickFramework(ctx, [year, innovation?.yearApplied]);
  if (!loaded) return null;
  const scope = innovation ? "innovation" : "region";
  const indicators = loaded.indicators.filter((i) => i.scope === scope);
  const assessments = await ctx.db
    .select()
    .from(igaAssessments)
    .where(
      and(
        eq(igaAssessments.regionCode, actor.regionCode),
        eq(igaAssessments.subjectKey, innovation?.id ?? REGION_SUBJECT),
        inArray(
          igaAssessments.indicatorId,
          indicators.length ? indicators.map((i) => i.id) : ["00000000-0000-0000-0000-000000000000"],
        ),
      ),
    );
  const evidence = assessments.length
    ? await ctx.db
        .select({ evidence: igaEvidence, mimeType: storedFiles.mimeType, size: storedFiles.size })
        .from(igaEvidence)
        .leftJoin(storedFiles, eq(storedFiles.id, igaEvidence.fileId))
        .where(
          inArray(
            igaEvidence.assessmentId,
            assessments.map((a) => a.id),
          ),
        )
        .orderBy(asc(igaEvidence.createdAt))
        .limit(2000)
    : [];
  const byIndicator = new Map(assessments.map((a) => [a.indicatorId, a]));
  const items: IndicatorView[] = [];
  for (const indicator of indicators) {
    const a = byIndicator.get(indicator.id);
    const pieces = evidence
      .filter((e) => e.evidence.assessmentId === a?.id)
      .map((e) => ({ ...e.evidence, mimeType: e.mimeType, size: e.size }));
    const hasEvidence = pieces.some((e) => e.reviewStatus !== "needs_work");
    const level = (a?.level ?? null) as Level | null;
    const rule = loaded.ruleSet.indicators.find((i) => i.code === indicator.code)!;
    items.push({
      indicator,
      assessment: a ? { id: a.id, level, version: a.version, note: a.note } : null,
      evidence: pieces,
      hasEvidence,
      score: hasEvidence && level ? indicator.weight * level : 0,
      max: indicator.weight * 3,
      proposal: innovation
        ? await benefitProposal(ctx.db, rule, loaded.rawFormula, innovation, loaded.framework.year)
        : null,
    });
  }
  const resource = innovation ? { agencyId: innovation.agencyId, regionCode: innovation.regionCode } : undefined;
  return {
    year: loaded.framework.year,
    frameworkName: loaded.framework.name,
    frameworkActive: loaded.framework.status === "active",
    yearApplied: innovation?.yearApplied ?? null,
    canAssess:
      loaded.framework.status === "active" && can(ctx, innovation ? "iga.assess" : "iga.assess_region", resource),
    canReview: can(ctx, "iga.review"),
    canAttachList:
      !!innovation &&
      loaded.framework.status === "active" &&
      can(ctx, "iga.assess", resource) &&
      can(ctx, "resident.lookup"),
    canPublishPhotos: !!innovation && can(ctx, "gallery.publish"),
    items,
    score: items.reduce((sum, i) => sum + i.score, 0),
    max: items.reduce((sum, i) => sum + i.max, 0),
  };
}
