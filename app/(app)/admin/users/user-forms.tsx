"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { ActionState } from "@/lib/http/action-result";
import { createUserAction, updateUserAction } from "./actions";

/** The roles, handed down by the page: the schema module that defines them is server-only (drizzle). */
export type RoleOptions = readonly string[];

export interface AgencyOption {
  id: string;
  shortName: string;
}

function Feedback({ state }: { state: ActionState }) {
  if (state.error) return <Alert tone="error">{state.error}</Alert>;
  if (state.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}

function AgencySelect({
  id,
  agencies,
  defaultValue,
  error,
}: {
  id: string;
  agencies: AgencyOption[];
  defaultValue?: string | null;
  error?: string;
}) {
  const t = useTranslations("admin.users");
  return (
    <Field id={id} label={t("agency")} error={error} hint={t("agencyHint")}>
      <Select id={id} name="agencyId" defaultValue={defaultValue ?? ""} aria-invalid={!!error}>
        <option value="">{t("noAgency")}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.shortName}
          </option>
        ))}
      </Select>
    </Field>
  );
}

export function CreateUserForm({ agencies, roles }: { agencies: AgencyOption[]; roles: RoleOptions }) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(createUserAction, {});
  const f = state.fields ?? {};
  return (
    <form action={action} className="grid gap-4 md:grid-cols-2">
      <div className="md:col-span-2">
        <Feedback state={state} />
      </div>
      <Field id="new-email" label={t("admin.users.email")} error={f.email}>
        <Input id="new-email" name="email" type="email" required aria-invalid={!!f.email} />
      </Field>
      <Field id="new-name" label={t("admin.users.name")} error={f.name}>
        <Input id="new-name" name="name" required aria-invalid={!!f.name} />
      </Field>
      <Field id="new-role" label={t("admin.users.role")} error={f.role}>
        <Select id="new-role" name="role" required defaultValue="agency">
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <AgencySelect id="new-agency" agencies={agencies} error={f.agencyId} />
      <Field
        id="new-password"
        label={t("admin.users.password")}
        error={f.password}
        hint={t("admin.users.passwordHint")}
      >
        <Input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={!!f.password}
        />
      </Field>
      <div className="flex items-end">
        <Button type="submit" disabled={pending}>
          {t("admin.users.create")}
        </Button>
      </div>
    </form>
  );
}

export function EditUserForm({
  user,
  agencies,
  roles,
}: {
  user: { id: string; email: string; role: string; agencyId: string | null; active: boolean };
  agencies: AgencyOption[];
  roles: RoleOptions;
}) {
  const t = useTranslations();
  const [state, action, pending] = useActionState(updateUserAction, {});
  const f = state.fields ?? {};
  const id = `u-${user.id.slice(0, 8)}`;
  return (
    <form
      action={action}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5"
      aria-label={t("admin.users.editFor", { email: user.email })}
    >
      <input type="hidden" name="id" value={user.id} />
      <Field id={`${id}-role`} label={t("admin.users.role")} error={f.role}>
        <Select id={`${id}-role`} name="role" defaultValue={user.role}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </Select>
      </Field>
      <AgencySelect id={`${id}-agency`} agencies={agencies} defaultValue={user.agencyId} error={f.agencyId} />
      <Field id={`${id}-password`} label={t("admin.users.newPassword")} error={f.password}>
        <Input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="new-password"
          placeholder={t("admin.users.unchanged")}
        />
      </Field>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="active" defaultChecked={user.active} className="size-4" />
        {t("admin.users.active")}
      </label>
      <div className="self-end">
        <Button type="submit" variant="secondary" disabled={pending}>
          {t("common.save")}
        </Button>
      </div>
      <div className="sm:col-span-2 lg:col-span-5">
        <Feedback state={state} />
      </div>
    </form>
  );
}
