"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { createTokenAction } from "./actions";

export function CreateTokenForm({ emails }: { emails: string[] }) {
  const t = useTranslations("admin.tokens");
  const [state, action, pending] = useActionState(createTokenAction, {});
  const f = state.fields ?? {};
  return (
    <div className="space-y-4">
      {state.error && <Alert tone="error">{state.error}</Alert>}
      {state.ok && state.data && (
        <Alert tone="success">
          <p className="font-semibold">{state.message}</p>
          <p className="mt-1">{t("copyNow")}</p>
          <code
            className="mt-2 block break-all rounded bg-white p-2 font-mono text-sm text-slate-900"
            data-testid="new-token"
          >
            {state.data.token}
          </code>
        </Alert>
      )}
      <form action={action} className="grid gap-4 md:grid-cols-4">
        <Field id="token-user" label={t("user")} error={f.email}>
          <Select id="token-user" name="email" required>
            {emails.map((e) => (
              <option key={e}>{e}</option>
            ))}
          </Select>
        </Field>
        <Field id="token-name" label={t("name")} error={f.name} hint={t("nameHint")}>
          <Input id="token-name" name="name" required aria-invalid={!!f.name} />
        </Field>
        <Field id="token-days" label={t("expiresInDays")} error={f.expiresInDays} hint={t("expiresHint")}>
          <Input id="token-days" name="expiresInDays" type="number" min={1} max={3650} inputMode="numeric" />
        </Field>
        <div className="flex items-end">
          <Button type="submit" disabled={pending}>
            {t("create")}
          </Button>
        </div>
      </form>
    </div>
  );
}
