"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { getTranslations } from "next-intl/server";
import { signIn } from "@/lib/auth/auth";

export interface LoginState {
  error?: string;
  email?: string;
}

/** Only same-site paths are followed after login, so the form cannot be used to send people elsewhere. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "/";
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export async function loginAction(_prev: LoginState, formData: FormData): Promise<LoginState> {
  const email = String(formData.get("email") ?? "");
  try {
    await signIn("credentials", {
      email,
      password: String(formData.get("password") ?? ""),
      redirectTo: safeCallback(formData.get("callbackUrl")),
    });
    return {};
  } catch (error) {
    // A successful sign-in throws Next's redirect, which must travel on.
    if (error instanceof AuthError) {
      const t = await getTranslations("login");
      const locked = error instanceof CredentialsSignin ? /^locked_(\d+)$/.exec(error.code) : null;
      if (locked) return { error: t("locked", { minutes: Math.max(1, Math.ceil(Number(locked[1]) / 60)) }), email };
      return { error: t("invalid"), email };
    }
    throw error;
  }
}
