"use server";

import { revalidatePath } from "next/cache";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionState, runAction } from "@/lib/http/action-result";
import {
  markSubmissionReady,
  returnSubmission,
  submitInnovation,
  verifySubmission,
  withdrawSubmission,
} from "@/lib/iga/submission-change";

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
};

const USE_CASES = {
  ready: markSubmissionReady,
  withdraw: withdrawSubmission,
  submit: submitInnovation,
  verify: verifySubmission,
  return: returnSubmission,
} as const;

/**
 * One step of an innovation's submission, from its panel. The return form sends its notes as
 * pairs `noteField-<i>` / `noteText-<i>`; empty pairs are skipped.
 */
export async function submissionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const step = text(form, "step") ?? "";
  const useCase = Object.hasOwn(USE_CASES, step) ? USE_CASES[step as keyof typeof USE_CASES] : null;
  const notes: Record<string, string> = {};
  for (let i = 0; i < 10; i++) {
    const field = text(form, `noteField-${i}`);
    const note = text(form, `noteText-${i}`);
    if (field && note) notes[field] = note;
  }
  const input = {
    year: Number(text(form, "year")),
    innovationId: text(form, "innovationId") ?? "",
    version: Number(form.get("version")),
    comment: text(form, "comment"),
    notes,
  };
  const result = await runAction(
    () =>
      getRequestContext().then((ctx) =>
        useCase ? useCase({ ctx, input }) : Promise.reject(new Error("unknown step")),
      ),
    `igaYears.submission.saved.${step}`,
  );
  if (result.ok) {
    revalidatePath(`/iga/${input.year}`, "layout");
    revalidatePath(`/innovations/${input.innovationId}`);
  }
  return { ...result, data: undefined };
}
