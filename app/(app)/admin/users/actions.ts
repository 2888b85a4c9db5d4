"use server";

import { revalidatePath } from "next/cache";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" && v.trim() !== "" ? v : undefined;
};

export async function createUserAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const result = await runAction(async () => {
    const ctx = await getRequestContext();
    return createUser({
      ctx,
      input: {
        email: text(form, "email") ?? "",
        name: text(form, "name") ?? "",
        role: (text(form, "role") ?? "") as never,
        agencyId: text(form, "agencyId") ?? null,
        password: text(form, "password") ?? "",
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
        id: text(form, "id") ?? "",
        role: text(form, "role") as never,
        agencyId: text(form, "agencyId") ?? null,
        active: form.get("active") === "on",
        password: text(form, "password"),
      },
    });
  }, "admin.users.updated");
  if (result.ok) revalidatePath("/admin/users");
  return { ...result, data: undefined };
}
