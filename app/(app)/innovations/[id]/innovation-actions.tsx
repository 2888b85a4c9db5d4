"use client";

import { AlertDialog } from "radix-ui";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { archiveInnovationAction, deleteInnovationAction } from "../actions";

/** Archive (reversible) and delete (refused when evidence or beneficiary data hang on it). */
export function InnovationActions({ id, archived }: { id: string; archived: boolean }) {
  const t = useTranslations("catalogue");
  const [archiveState, archive, archiving] = useActionState(archiveInnovationAction, {});
  const [deleteState, remove, deleting] = useActionState(deleteInnovationAction, {});
  const error = archiveState.error ?? deleteState.error;
  return (
    <div className="space-y-2">
      {error && <Alert tone="error">{error}</Alert>}
      {archiveState.ok && archiveState.message && <Alert tone="success">{archiveState.message}</Alert>}
      <div className="flex flex-wrap gap-2">
        <form action={archive}>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="archived" value={archived ? "false" : "true"} />
          <Button type="submit" variant="secondary" disabled={archiving}>
            {archived ? t("unarchive") : t("archive")}
          </Button>
        </form>
        <AlertDialog.Root>
          <AlertDialog.Trigger asChild>
            <Button variant="danger">{t("delete")}</Button>
          </AlertDialog.Trigger>
          <AlertDialog.Portal>
            <AlertDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
            <AlertDialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(28rem,92vw)] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
              <AlertDialog.Title className="text-lg font-semibold">{t("deleteTitle")}</AlertDialog.Title>
              <AlertDialog.Description className="mt-2 text-sm text-slate-700">
                {t("deleteExplain")}
              </AlertDialog.Description>
              <div className="mt-4 flex justify-end gap-2">
                <AlertDialog.Cancel asChild>
                  <Button variant="secondary">{t("cancel")}</Button>
                </AlertDialog.Cancel>
                <form action={remove}>
                  <input type="hidden" name="id" value={id} />
                  <AlertDialog.Action asChild>
                    <Button type="submit" variant="danger" disabled={deleting}>
                      {t("deleteConfirm")}
                    </Button>
                  </AlertDialog.Action>
                </form>
              </div>
            </AlertDialog.Content>
          </AlertDialog.Portal>
        </AlertDialog.Root>
      </div>
    </div>
  );
}
