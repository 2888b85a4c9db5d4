"use server";

import { revalidatePath } from "next/cache";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { formText } from "@/lib/http/request";
import { createUser } from "@/lib/users/create-user";
import { unlockLogin } from "@/lib/users/unlock-login";
import { updateUser } from "@/lib/users/update-user";

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(async () => {
    const ctx = await getRequestContext();
    return createUser({
      ctx,
      input: {
        email: formText(form, "email") ?? "",
        name: formText(form, "name") ?? "",
        role: formText(form, "role") ?? "",
        agencyId: formText(form, "agencyId"),
        password: formText(form, "password") ?? "",
      },
    });
  }, "admin.users.created");
  if (result.ok) revalidatePath("/admin/users");
  return { ...result, data: undefined };
}

export async function updateUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(async () => {
    const ctx = await getRequestContext();
    return updateUser({
      ctx,
      input: {
        id: formText(form, "id") ?? "",
        role: formText(form, "role") ?? undefined,
        agencyId: formText(form, "agencyId"),
        active: form.get("active") === "on",
        password: formText(form, "password") ?? undefined,
      },
    });
  }, "admin.users.updated");
  if (result.ok) revalidatePath("/admin/users");
  return { ...result, data: undefined };
}

/** Lifts an account's sign-in lock before it runs out (the same use case as `cli user unlock`). */
export async function unlockUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(
    async () => unlockLogin({ ctx: await getRequestContext(), input: { email: formText(form, "email") ?? "" } }),
    "admin.users.unlocked",
  );
  if (result.ok) revalidatePath("/admin/users");
  return { ...result, data: undefined };
}
