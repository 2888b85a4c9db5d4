"use server";

import { getRequestContext } from "@/lib/auth/request-context";
import { type LookupResult, lookupResident } from "@/lib/beneficiaries/lookup";
import { type RevealResult, revealResident } from "@/lib/beneficiaries/reveal";
import { type ActionState, runAction } from "@/lib/http/action-result";

/*
 * The look-up form posts here (a server action: the NIK travels in the POST body, never in the
 * page's URL or its history). Nothing here logs the form; errors carry only lib/nik's fixed texts.
 */

export async function lookupAction(
  _prev: ActionState<LookupResult>,
  form: FormData,
): Promise<ActionState<LookupResult>> {
  return runAction(async () => {
    const ctx = await getRequestContext();
    return lookupResident({ ctx, input: { nik: String(form.get("nik") ?? "") } });
  });
}

export async function revealAction(
  _prev: ActionState<RevealResult>,
  form: FormData,
): Promise<ActionState<RevealResult>> {
  return runAction(async () => {
    const ctx = await getRequestContext();
    const reason = String(form.get("reason") ?? "");
    return revealResident({
      ctx,
      residentId: String(form.get("residentId") ?? ""),
      input: { reason: reason || undefined },
    });
  });
}
