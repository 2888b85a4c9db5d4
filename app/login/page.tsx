import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { getRequestContext } from "@/lib/auth/request-context";
import { shouldSeedDemo } from "@/lib/config/env";
import { LoginForm } from "./login-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const ctx = await getRequestContext();
  if (ctx.actor) redirect("/");
  const [{ callbackUrl }, t] = await Promise.all([searchParams, getTranslations()]);
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md space-y-6">
        <div className="flex justify-end">
          <LanguageSwitch />
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h1 className="text-xl font-bold text-brand-800">{t("app.name")}</h1>
          <p className="mb-6 mt-1 text-sm text-slate-700">{t("login.intro")}</p>
          <LoginForm callbackUrl={callbackUrl ?? "/"} />
        </div>
        {shouldSeedDemo() && <p className="text-center text-sm text-slate-700">{t("login.demoHint")}</p>}
      </div>
    </main>
  );
}
