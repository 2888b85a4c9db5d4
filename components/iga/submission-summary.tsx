import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { SubmissionStatus } from "@/db/schema/iga-submissions";
import type { IndexResult } from "@/lib/iga/score";
import { SUBMISSION_STATUSES } from "@/lib/iga/submission-rules";
import { STATUS_TONE } from "./submission-panel";

/** "What is submitted" beside the "if you submitted today" estimate, and how many are at each status. */
export async function SubmissionSummary({
  result,
  counts,
}: {
  result: IndexResult;
  counts: Record<SubmissionStatus, number>;
}) {
  const [t, format] = await Promise.all([getTranslations("igaYears"), getFormatter()]);
  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-3 text-sm">
      <p data-testid="iga-submitted">
        {t("submittedFigure", {
          index: format.number(result.index, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          category: result.category,
          n: result.innovations,
        })}
      </p>
      <ul className="flex flex-wrap gap-1" aria-label={t("statusCounts")} data-testid="submission-counts">
        {SUBMISSION_STATUSES.map((s) => (
          <li key={s}>
            <Badge tone={STATUS_TONE[s]}>
              {t(`submission.status.${s}`)}: {format.number(counts[s])}
            </Badge>
          </li>
        ))}
      </ul>
    </div>
  );
}
