"use server";

import { cookies } from "next/headers";
import { LOCALE_COOKIE, pickLocale } from "@/i18n/locales";
import { signOut } from "@/lib/auth/auth";
import { getRequestContext } from "@/lib/auth/request-context";
import { endSessionsOfCaller } from "@/lib/users/sign-out";

/** Sets the UI language. A cookie, not a URL segment: the same links work in either language. */
export async function setLocale(formData: FormData) {
  const locale = pickLocale(String(formData.get("locale") ?? ""));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", maxAge: 365 * 86400, sameSite: "lax" });
}

/** Signs out here and everywhere: the session version is bumped, so a copied cookie stops working too. */
export async function signOutAction() {
  await endSessionsOfCaller(await getRequestContext());
  await signOut({ redirectTo: "/login" });
}
