"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { reviewEvidenceAction } from "@/app/(app)/iga/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { submitWithoutReset } from "./use-submit";

/** An evaluator's verdict on one piece of evidence: accepted, or needs work with a comment. */
export function ReviewForm({
  evidenceId,
  year,
  innovationId,
  status,
  comment,
}: {
  evidenceId: string;
  year: number;
  innovationId: string | null;
  status: string;
  comment: string | null;
}) {
  const t = useTranslations("iga.review");
  const [state, action, pending] = useActionState(reviewEvidenceAction, {});
  const id = `review-${evidenceId}`;
  return (
    <details
      className="mt-2 rounded-md border border-slate-200 bg-slate-50"
      open={status === "needs_work" || undefined}
    >
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-800">{t("open")}</summary>
      <form
        action={action}
        onSubmit={submitWithoutReset(action)}
        className="space-y-2 px-3 pb-3"
        data-testid="review-form"
      >
        <input type="hidden" name="evidenceId" value={evidenceId} />
        <input type="hidden" name="year" value={year} />
        <input type="hidden" name="innovationId" value={innovationId ?? ""} />
        <fieldset className="flex flex-wrap gap-4">
          <legend className="mb-1 text-sm font-medium text-slate-800">{t("legend")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="status"
              value="accepted"
              defaultChecked={status === "accepted"}
              className="size-4 accent-brand-700"
            />
            {t("accept")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="status"
              value="needs_work"
              defaultChecked={status === "needs_work"}
              className="size-4 accent-brand-700"
            />
            {t("needsWork")}
          </label>
        </fieldset>
        <div>
          <label htmlFor={`${id}-comment`} className="mb-1 block text-sm font-medium text-slate-800">
            {t("comment")}
          </label>
          <textarea
            id={`${id}-comment`}
            name="comment"
            rows={2}
            defaultValue={comment ?? ""}
            aria-describedby={`${id}-hint`}
            aria-invalid={!!state.fields?.comment}
            className="block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
          />
          <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
            {t("commentHint")}
          </p>
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("submit")}
        </Button>
        {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
        {state.error && <Alert tone="error">{[state.error, ...Object.values(state.fields ?? {})].join(" ")}</Alert>}
      </form>
    </details>
  );
}
