"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { submissionAction } from "@/app/(app)/iga/submission-actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import type { SubmissionAction } from "@/lib/iga/submission-rules";
import { ActionError } from "./action-error";
import { submitWithoutReset } from "./use-submit";

const NOTE_ROWS = 3;

/** The workflow buttons the caller may use, and the evaluator's "return with notes" form. */
export function SubmissionActions({
  year,
  innovationId,
  version,
  actions,
  noteFields,
}: {
  year: number;
  innovationId: string;
  version: number;
  actions: SubmissionAction[];
  /** What a note can point at: profile fields and indicator codes, with their labels. */
  noteFields: { value: string; label: string }[];
}) {
  const t = useTranslations("igaYears.submission");
  const [state, action, pending] = useActionState(submissionAction, {});
  const hidden = (
    <>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="innovationId" value={innovationId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const buttons = actions.filter((a) => a !== "return");
  return (
    <div className="space-y-3">
      {buttons.length > 0 && (
        <form
          action={action}
          onSubmit={submitWithoutReset(action)}
          className="flex flex-wrap items-end gap-2"
          data-testid="submission-form"
        >
          {hidden}
          <div className="min-w-56 flex-1">
            <label htmlFor={`sub-comment-${year}`} className="mb-1 block text-sm font-medium">
              {t("comment")}
            </label>
            <Input id={`sub-comment-${year}`} name="comment" />
          </div>
          {buttons.map((a) => (
            <Button
              key={a}
              type="submit"
              name="step"
              value={a}
              variant={a === "withdraw" ? "secondary" : "primary"}
              disabled={pending}
            >
              {t(`action.${a}`)}
            </Button>
          ))}
        </form>
      )}
      {actions.includes("return") && (
        <details className="rounded-md border border-slate-200 bg-slate-50">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-brand-800">
            {t("action.return")}
          </summary>
          <form
            action={action}
            onSubmit={submitWithoutReset(action)}
            className="space-y-2 px-3 pb-3"
            data-testid="return-form"
          >
            {hidden}
            <input type="hidden" name="step" value="return" />
            <p className="text-sm text-slate-700">{t("returnHint")}</p>
            {Array.from({ length: NOTE_ROWS }, (_, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-[16rem_1fr]">
                <Select aria-label={t("noteField", { n: i + 1 })} name={`noteField-${i}`} defaultValue="">
                  <option value="">—</option>
                  {noteFields.map((f) => (
                    <option key={f.value} value={f.value}>
                      {f.label}
                    </option>
                  ))}
                </Select>
                <Input aria-label={t("noteText", { n: i + 1 })} name={`noteText-${i}`} />
              </div>
            ))}
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("action.return")}
            </Button>
          </form>
        </details>
      )}
      <ActionError state={state} showField />
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
    </div>
  );
}
