"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setPhotoPublicAction } from "@/app/(app)/iga/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { submitWithoutReset } from "./use-submit";

/** Shows an evidence photo on the innovation's public page, or hides it (admin and Bappeda). */
export function PhotoPublicToggle({
  evidenceId,
  name,
  isPublic,
  year,
  innovationId,
}: {
  evidenceId: string;
  name: string;
  isPublic: boolean;
  year: number;
  innovationId: string;
}) {
  const t = useTranslations("gallery.photos");
  const [state, action, pending] = useActionState(setPhotoPublicAction, {});
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="evidenceId" value={evidenceId} />
      <input type="hidden" name="public" value={String(!isPublic)} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="innovationId" value={innovationId} />
      {isPublic && <Badge tone="success">{t("isShown")}</Badge>}
      <Button
        type="submit"
        variant="ghost"
        className="min-h-8 px-2"
        disabled={pending}
        aria-label={t(isPublic ? "hideNamed" : "showNamed", { name })}
        title={t("hint")}
      >
        {t(isPublic ? "hide" : "show")}
      </Button>
      {state.error && (
        <span role="alert" className="w-full text-sm text-red-800">
          {state.error}
        </span>
      )}
    </form>
  );
}
