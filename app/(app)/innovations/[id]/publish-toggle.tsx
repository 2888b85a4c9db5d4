"use client";

import { Globe } from "lucide-react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { setInnovationPublicAction } from "../actions";

/** Admin and Bappeda: whether the innovation appears in the public gallery, and the switch. */
export function PublishToggle({ id, isPublic, slug }: { id: string; isPublic: boolean; slug: string | null }) {
  const t = useTranslations("gallery");
  const [state, toggle, pending] = useActionState(setInnovationPublicAction, {});
  return (
    <div className="space-y-2" data-testid="publish-toggle">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      <div className="flex flex-wrap items-center gap-2">
        <span className="inline-flex items-center gap-1 text-sm text-slate-700" data-testid="publish-status">
          <Globe aria-hidden className="size-4" />
          {isPublic ? t("isPublic") : t("isPrivate")}
        </span>
        <form action={toggle}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="public" value={isPublic ? "false" : "true"} />
          <Button type="submit" variant="secondary" disabled={pending}>
            {isPublic ? t("unpublish") : t("publish")}
          </Button>
        </form>
        {isPublic && slug && (
          <Link href={`/inovasi/${slug}`} className="text-sm text-brand-700 underline underline-offset-2">
            {t("viewPublic")}
          </Link>
        )}
      </div>
    </div>
  );
}
