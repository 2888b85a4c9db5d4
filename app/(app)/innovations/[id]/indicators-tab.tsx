import { getFormatter, getTranslations } from "next-intl/server";
import { IndicatorList, OpenComments } from "@/components/iga/indicator-list";
import { SubmissionPanel } from "@/components/iga/submission-panel";
import { YearNav } from "@/components/iga/year-nav";
import { Alert } from "@/components/ui/alert";
import type { Ctx } from "@/lib/auth/context";
import { subjectView } from "@/lib/iga/assessment-view";
import { evidenceMaxBytes } from "@/lib/iga/evidence";
import { findFramework, listFrameworks } from "@/lib/iga/frameworks";
import { maturity } from "@/lib/iga/submission-rules";
import { submissionView } from "@/lib/iga/submission-view";
import type { InnovationRow } from "@/lib/innovations/get-innovation";

/**
 * The indicators tab of an innovation's page: per IGA indicator the level with its description,
 * the evidence it needs, the evidence attached and the evaluators' verdicts. Shown against the
 * framework of the year asked for (`?year=`, as the index page's to-do links send), else the year
 * the innovation is reported for; other years' frameworks are one click away.
 */
export async function IndicatorsTab({ ctx, innovation, year }: { ctx: Ctx; innovation: InnovationRow; year?: number }) {
  const [view, frameworks, t, format] = await Promise.all([
    subjectView({ ctx, innovationId: innovation.id, year, preloaded: innovation }),
    listFrameworks({ ctx }),
    getTranslations("iga.tab"),
    getFormatter(),
  ]);
  if (!view) return <p className="text-slate-700">{t("noFramework")}</p>;
  const [submission, loaded, tYears] = await Promise.all([
    submissionView({ ctx, innovationId: innovation.id, year: view.year, preloaded: innovation }),
    findFramework(ctx.db, view.year),
    getTranslations("igaYears"),
  ]);
  const n = (x: number) => format.number(x, { maximumFractionDigits: 2 });
  return (
    <div className="space-y-4" data-testid="indicators-tab">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="text-sm text-slate-700">{t("framework", { name: view.frameworkName })}</p>
        {frameworks.length > 1 && (
          <YearNav
            label={t("years")}
            years={frameworks}
            current={view.year}
            href={(y) => `/innovations/${innovation.id}?tab=indicators&year=${y}`}
            testId="indicator-years"
          />
        )}
        <p className="text-lg font-semibold text-slate-900" data-testid="innovation-score">
          {t("total", { score: n(view.score), max: n(view.max) })}
          <span className="ml-3 text-base font-medium text-slate-700" data-testid="innovation-maturity">
            {tYears("maturity.value", {
              percent: format.number(maturity(view.score, view.max), { style: "percent", maximumFractionDigits: 0 }),
            })}
          </span>
        </p>
      </div>
      {submission && loaded && <SubmissionPanel view={submission} indicators={loaded.indicators} />}
      {view.yearApplied !== null && view.yearApplied !== view.year && (
        <Alert tone="info">{t("otherYear", { yearApplied: view.yearApplied, year: view.year })}</Alert>
      )}
      <OpenComments view={view} />
      {!view.canAssess && !view.canReview && <p className="text-sm text-slate-600">{t("readOnly")}</p>}
      <IndicatorList view={view} innovationId={innovation.id} maxBytes={evidenceMaxBytes()} />
    </div>
  );
}
