"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { unlockUserAction } from "./actions";

/** An administrator lifts a locked account's sign-in lock. */
export function UnlockButton({ email }: { email: string }) {
  const t = useTranslations("admin.users");
  const [state, action, pending] = useActionState(unlockUserAction, {});
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="email" value={email} />
      <Button
        type="submit"
        variant="secondary"
        className="min-h-8 px-3 py-1"
        disabled={pending}
        aria-label={t("unlockNamed", { email })}
        data-testid="unlock-user"
      >
        {t("unlock")}
      </Button>
      {state.error && (
        <span role="alert" className="text-sm text-red-800">
          {state.error}
        </span>
      )}
    </form>
  );
}
