import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pathYear } from "@/app/api/v1/iga/request";
import { WhatIf } from "@/components/iga/what-if/what-if";
import { orNotFound, pageContext } from "@/lib/auth/request-context";
import { whatIfBase } from "@/lib/iga/what-if";
import { AFFAIRS } from "@/lib/reference/affairs";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ year: string }> }) {
  const [{ year }, t] = await Promise.all([params, getTranslations("whatIf")]);
  return { title: t("title", { year }) };
}

/** A scratch copy of the year's levels and innovations, scored as the user changes it; nothing is stored. */
export default async function WhatIfPage({ params }: { params: Promise<{ year: string }> }) {
  const ctx = await pageContext("iga.read");
  const [{ year: raw }, t] = await Promise.all([params, getTranslations("whatIf")]);
  const year = await orNotFound(() => pathYear({ year: raw }));
  const base = await orNotFound(() => whatIfBase({ ctx, year }));
  // The basic-service affairs first: they are what the gate of years such as 2026 counts.
  const gate = new Set(base.ruleSet.formula.basicServiceAffairs);
  const affairs = [...AFFAIRS]
    .sort((a, b) => Number(gate.has(b.code)) - Number(gate.has(a.code)))
    .map((a) => ({ code: a.code, name: a.name }));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title", { year })}</h1>
        <p className="mt-1 max-w-3xl text-slate-700">{t("intro")}</p>
        <Link className="mt-2 inline-block text-brand-700 underline" href={`/iga/${year}`}>
          {t("back", { year })}
        </Link>
      </div>
      <WhatIf base={base} affairs={affairs} />
    </div>
  );
}
