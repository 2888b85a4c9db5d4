"use server";

import { revalidatePath } from "next/cache";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { freezeSubmission } from "@/lib/submissions/freeze";

/** Freezes the year's submission from the page's form; the reason is needed only when the check found problems. */
export async function freezeAction(_prev: ActionState, form: FormData): Promise<ActionState<{ id: string }>> {
  const year = Number(form.get("year"));
  const reason = form.get("overrideReason");
  const result = await runAction(
    () =>
      getRequestContext().then((ctx) =>
        freezeSubmission({ ctx, input: { year, overrideReason: typeof reason === "string" ? reason : null } }),
      ),
    "submissions.frozen",
  );
  if (result.ok) revalidatePath(`/iga/${year}/submissions`);
  return { ...result, data: result.data ? { id: result.data.id } : undefined };
}
