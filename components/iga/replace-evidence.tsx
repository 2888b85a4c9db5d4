"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EvidenceForm } from "./evidence-form";

/**
 * Replaces one piece of evidence in place (the API's replacesEvidenceId): the usual answer to an
 * evaluator's "needs work", so the old file and its verdict go and the new one waits for review.
 */
export function ReplaceEvidence(props: {
  evidenceId: string;
  name: string;
  year: number;
  indicatorCode: string;
  innovationId: string | null;
  maxBytes: number;
}) {
  const t = useTranslations("iga.evidence");
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <Button
        type="button"
        variant="ghost"
        className="min-h-8 px-2"
        aria-label={t("replaceNamed", { name: props.name })}
        onClick={() => setOpen(true)}
        data-testid="replace-evidence"
      >
        {t("replace")}
      </Button>
    );
  }
  return (
    <div className="mt-2 w-full space-y-2 rounded-md bg-slate-50 p-3">
      <p className="text-sm text-slate-700">{t("replaceTitle")}</p>
      <EvidenceForm
        year={props.year}
        indicatorCode={props.indicatorCode}
        innovationId={props.innovationId}
        maxBytes={props.maxBytes}
        replacesEvidenceId={props.evidenceId}
        onDone={() => setOpen(false)}
      />
      <Button type="button" variant="secondary" className="min-h-8 px-3 py-1" onClick={() => setOpen(false)}>
        {t("cancelReplace")}
      </Button>
    </div>
  );
}
