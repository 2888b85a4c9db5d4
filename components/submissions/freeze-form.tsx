"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { freezeAction } from "@/app/(app)/iga/[year]/submissions/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Freeze button; with problems listed, a reason is asked for and recorded with the snapshot. */
export function FreezeForm({ year, problems }: { year: number; problems: number }) {
  const t = useTranslations("submissions");
  const [state, action, pending] = useActionState(freezeAction, {});
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="year" value={year} />
      {problems > 0 && (
        <label className="block space-y-1">
          <span className="text-sm font-medium">{t("overrideLabel", { count: problems })}</span>
          <textarea
            name="overrideReason"
            required
            rows={2}
            maxLength={2000}
            className="w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("freezing") : problems > 0 ? t("freezeAnyway") : t("freeze")}
      </Button>
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.ok && state.data && (
        <Alert tone="success">
          {state.message}{" "}
          <Link className="underline" href={`/iga/${year}/submissions/${state.data.id}`}>
            {t("open")}
          </Link>
        </Alert>
      )}
    </form>
  );
}
