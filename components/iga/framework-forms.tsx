"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { cloneFrameworkAction, setFrameworkStatusAction } from "@/app/(app)/iga/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { submitWithoutReset } from "./use-submit";

/** Copies one year's rule set into a new year, as a draft to edit. */
export function CloneFrameworkForm({ years }: { years: number[] }) {
  const t = useTranslations("iga.frameworks");
  const [state, action, pending] = useActionState(cloneFrameworkAction, {});
  const latest = Math.max(...years);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3" data-testid="clone-form">
      <div className="grid gap-3 sm:grid-cols-3">
        <Field id="fromYear" label={t("fromYear")} error={state.fields?.fromYear}>
          <Select id="fromYear" name="fromYear" defaultValue={latest}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="toYear" label={t("toYear")} error={state.fields?.toYear}>
          <Input id="toYear" name="toYear" type="number" min={2000} max={2100} defaultValue={latest + 1} required />
        </Field>
        <div className="flex items-end">
          <Button type="submit" disabled={pending}>
            {t("cloneSubmit")}
          </Button>
        </div>
      </div>
      {state.ok && state.message && <Alert tone="success">{state.message}</Alert>}
      {state.error && <Alert tone="error">{state.error}</Alert>}
    </form>
  );
}

/** Activates a draft (levels can then be recorded) or turns an active year back into a draft. */
export function FrameworkStatusButton({
  year,
  status,
  version,
}: {
  year: number;
  status: "draft" | "active";
  version: number;
}) {
  const t = useTranslations("iga.frameworks");
  const [state, action, pending] = useActionState(setFrameworkStatusAction, {});
  return (
    <form action={action} className="inline">
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="status" value={status === "active" ? "draft" : "active"} />
      <Button type="submit" variant="secondary" className="min-h-8 px-3 py-1" disabled={pending}>
        {status === "active" ? t("deactivate") : t("activate")}
        <span className="sr-only"> {year}</span>
      </Button>
      {state.error && (
        <span role="alert" className="ml-2 text-sm text-red-700">
          {state.error}
        </span>
      )}
    </form>
  );
}
