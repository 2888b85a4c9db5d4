"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { removeEvidenceAction } from "@/app/(app)/iga/actions";
import { Button } from "@/components/ui/button";
import { submitWithoutReset } from "./use-submit";

/** Removes a piece of evidence after a second, explicit confirmation. */
export function RemoveEvidence({
  evidenceId,
  name,
  year,
  innovationId,
}: {
  evidenceId: string;
  name: string;
  year: number;
  innovationId: string | null;
}) {
  const t = useTranslations("iga.evidence");
  const [state, action, pending] = useActionState(removeEvidenceAction, {});
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button
        type="button"
        variant="ghost"
        className="min-h-8 px-2 text-red-800"
        aria-label={t("removeNamed", { name })}
        onClick={() => setAsking(true)}
      >
        {t("remove")}
      </Button>
    );
  }
  return (
    <form
      action={action}
      onSubmit={submitWithoutReset(action)}
      className="mt-2 flex flex-wrap items-center gap-2 rounded bg-red-50 p-2 text-sm"
    >
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="innovationId" value={innovationId ?? ""} />
      <span>{t("removeQuestion")}</span>
      <Button type="submit" variant="danger" className="min-h-8 px-3 py-1" disabled={pending}>
        {t("removeConfirm")}
      </Button>
      <Button type="button" variant="secondary" className="min-h-8 px-3 py-1" onClick={() => setAsking(false)}>
        {t("cancel")}
      </Button>
      {state.error && (
        <span role="alert" className="w-full text-red-800">
          {state.error}
        </span>
      )}
    </form>
  );
}
