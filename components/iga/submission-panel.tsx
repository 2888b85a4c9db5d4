import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { SubmissionStatus } from "@/db/schema/iga-submissions";
import type { IndicatorRow } from "@/lib/iga/frameworks";
import type { ReadinessProblem } from "@/lib/iga/submission-rules";
import type { SubmissionView } from "@/lib/iga/submission-view";
import { SUBMISSION_FIELDS } from "@/lib/innovations/schemas";
import { SubmissionActions } from "./submission-actions";

export const STATUS_TONE: Record<SubmissionStatus, "neutral" | "brand" | "success" | "warning"> = {
  draft: "neutral",
  ready: "brand",
  submitted: "brand",
  verified: "success",
  returned: "warning",
};

/**
 * An innovation's submission for one year on its indicators tab: where it stands, what keeps it
 * from being sent, the evaluator's notes when returned, the steps the caller may take, the history.
 */
export async function SubmissionPanel({ view, indicators }: { view: SubmissionView; indicators: IndicatorRow[] }) {
  const [t, tFields, format] = await Promise.all([
    getTranslations("igaYears.submission"),
    getTranslations("catalogue.fields"),
    getFormatter(),
  ]);
  const indicatorName = new Map(indicators.map((i) => [i.code, `${i.code} ${i.name}`]));
  const label = (key: string) =>
    indicatorName.get(key) ?? ((SUBMISSION_FIELDS as readonly string[]).includes(key) ? tFields(key) : key);
  const problem = (p: ReadinessProblem) => {
    switch (p.kind) {
      case "profile":
        return t("problem.profile", { field: label(p.field) });
      case "evidence":
      case "mandatory":
        return t(`problem.${p.kind}`, { indicator: label(p.code) });
      case "not_eligible":
        return t("problem.not_eligible", { yearApplied: p.yearApplied, from: p.from, to: p.to });
      case "too_many_years":
        return t("problem.too_many_years", { years: p.years.join(", "), max: p.max });
      default:
        return t("problem.no_levels");
    }
  };
  const noteFields = [
    ...SUBMISSION_FIELDS.map((f) => ({ value: f, label: tFields(f) })),
    ...indicators.filter((i) => i.scope === "innovation").map((i) => ({ value: i.code, label: `${i.code} ${i.name}` })),
  ];
  return (
    <Card className="space-y-3" data-testid="submission-panel">
      <div className="flex flex-wrap items-center gap-2">
        <CardTitle>{t("title", { year: view.year })}</CardTitle>
        <Badge tone={STATUS_TONE[view.status]} data-testid="submission-status">
          {t(`status.${view.status}`)}
        </Badge>
      </div>
      <p className="text-sm text-slate-700">{t(`explain.${view.status}`)}</p>
      {Object.keys(view.returnNotes).length > 0 && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="return-notes">
          <p className="font-medium">{t("notesTitle")}</p>
          <ul className="mt-1 list-disc pl-5">
            {Object.entries(view.returnNotes).map(([field, note]) => (
              <li key={field}>
                <span className="font-medium">{label(field)}</span>: {note}
              </li>
            ))}
          </ul>
        </div>
      )}
      {view.problems.length > 0 && (
        <div className="text-sm" data-testid="submission-problems">
          <p className="font-medium">{t("problemsTitle", { n: view.problems.length })}</p>
          <ul className="mt-1 list-disc pl-5 text-slate-800">
            {view.problems.map((p, i) => (
              <li key={i}>{problem(p)}</li>
            ))}
          </ul>
        </div>
      )}
      {view.actions.length > 0 && (
        <SubmissionActions
          year={view.year}
          innovationId={view.innovationId}
          version={view.version}
          actions={view.actions}
          noteFields={noteFields}
        />
      )}
      {view.history.length > 0 && (
        <details>
          <summary className="cursor-pointer text-sm font-medium text-brand-800">
            {t("historyTitle", { n: view.history.length })}
          </summary>
          <ol className="mt-2 space-y-1 text-sm" data-testid="submission-history">
            {view.history.map((h, i) => (
              <li key={i} className="text-slate-800">
                <span className="tabular-nums text-slate-600">
                  {format.dateTime(h.at, { dateStyle: "medium", timeStyle: "short" })}
                </span>{" "}
                ·{" "}
                {t("historyLine", {
                  from: t(`status.${h.fromStatus}`),
                  to: t(`status.${h.toStatus}`),
                  actor: h.actorName ?? t("system"),
                })}
                {h.comment && <span className="text-slate-600"> — {h.comment}</span>}
                {Object.keys(h.notes).length > 0 && (
                  <ul className="list-disc pl-5 text-slate-700">
                    {Object.entries(h.notes).map(([field, note]) => (
                      <li key={field}>
                        {label(field)}: {note}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        </details>
      )}
    </Card>
  );
}
