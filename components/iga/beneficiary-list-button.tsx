"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { attachBeneficiaryListAction } from "@/app/(app)/iga/actions";
import { Button } from "@/components/ui/button";
import { submitWithoutReset } from "./use-submit";

/** Attaches the register's beneficiary list (masked NIKs, no names) as this indicator's evidence. */
export function BeneficiaryListButton({ innovationId, year }: { innovationId: string; year: number }) {
  const t = useTranslations("iga.evidence");
  const [state, action, pending] = useActionState(attachBeneficiaryListAction, {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-1" data-testid="beneficiary-list">
      <input type="hidden" name="innovationId" value={innovationId} />
      <input type="hidden" name="year" value={year} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("attachingList") : t("attachList")}
      </Button>
      <p className="text-xs text-slate-600">{t("attachListHint")}</p>
      {state.error && (
        <p role="alert" className="text-sm text-red-800">
          {state.error}
        </p>
      )}
      {state.ok && state.message && (
        <p role="status" className="text-sm text-emerald-800">
          {state.message}
        </p>
      )}
    </form>
  );
}
