"use server";

import { revalidatePath } from "next/cache";
import { getRequestContext } from "@/lib/auth/request-context";
import { type ActionState, runAction } from "@/lib/http/action-result";
import { createToken } from "@/lib/tokens/create-token";
import { revokeToken } from "@/lib/tokens/revoke-token";

export async function createTokenAction(
  _prev: ActionState<{ token: string }>,
  form: FormData,
): Promise<ActionState<{ token: string }>> {
  const result = await runAction(async () => {
    const ctx = await getRequestContext();
    const days = String(form.get("expiresInDays") ?? "").trim();
    const created = await createToken({
      ctx,
      input: {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        expiresInDays: days ? Number(days) : null,
      },
    });
    return { token: created.token };
  }, "admin.tokens.created");
  if (result.ok) revalidatePath("/admin/tokens");
  return result;
}

export async function revokeTokenAction(form: FormData) {
  const ctx = await getRequestContext();
  await revokeToken({ ctx, input: { id: String(form.get("id") ?? "") } });
  revalidatePath("/admin/tokens");
}
