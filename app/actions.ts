"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, pickLocale } from "@/i18n/locales";
import { signOut } from "@/lib/auth/auth";

/** Sets the UI language. A cookie, not a URL segment: the same links work in either language. */
export async function setLocale(formData: FormData) {
  const locale = pickLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
}

export async function signOutAction() {
  await signOut({ redirectTo: "/login" });
}
