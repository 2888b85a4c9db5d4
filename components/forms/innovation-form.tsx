"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { DateInput } from "@/components/ui/date-input";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { ActionState } from "@/lib/http/action-result";
import type { Profile2026FormField } from "@/lib/innovations/profile-2026";
import { completeness, type SubmissionField } from "@/lib/innovations/schemas";
import { INITIATOR_TYPES, INNOVATION_FORMS, INNOVATION_TYPES, STAGES, THEMES } from "@/lib/innovations/vocabulary";
import { AFFAIRS } from "@/lib/reference/affairs";
import { AmountUnitField } from "./amount-unit-field";
import { CompletenessMeter } from "./completeness-meter";
import { Profile2026Fields } from "./profile-2026-fields";
import { WordCountTextarea } from "./word-count-textarea";

export type ProfileValues = Partial<
  Record<SubmissionField | "summary" | Profile2026FormField, string | number | null>
> & {
  otherAffairs?: string[];
  amountUnit?: string | null;
};

interface Props {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  initial: ProfileValues;
  agencies: { id: string; shortName: string }[];
  /** Set for an edit: the row's id and the version it was read at (optimistic concurrency). */
  existing?: { id: string; version: number };
  cancelHref: string;
}

const TEXT_AREAS = ["goals", "benefits", "results"] as const;

/** Create and edit the IGA profile. A draft saves incomplete; the meter says what is still missing. */
export function InnovationForm({ action, initial, agencies, existing, cancelHref }: Props) {
  const t = useTranslations();
  const [state, formAction, pending] = useActionState(action, {});
  const [values, setValues] = useState<ProfileValues>(initial);
  const set = (field: string) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const f = state.fields ?? {};
  const val = (field: keyof ProfileValues) => String(values[field] ?? "");
  const field = (name: SubmissionField | "summary", input: React.ReactNode) => (
    <Field id={`f-${name}`} label={t(`catalogue.fields.${name}`)} error={f[name]}>
      {input}
    </Field>
  );
  const select = (name: SubmissionField, options: readonly string[], labelKey: string) =>
    field(
      name,
      <Select id={`f-${name}`} name={name} value={val(name)} onChange={set(name)} aria-invalid={!!f[name]}>
        <option value="">{t("catalogue.choose")}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {t(`${labelKey}.${o}`)}
          </option>
        ))}
      </Select>,
    );
  const stale = state.code === "stale_version";

  return (
    <form action={formAction} className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-6">
        {state.error && (
          <Alert tone="error" data-testid="form-error">
            {state.error}{" "}
            {existing && stale && (
              <a className="underline" href={`/innovations/${existing.id}/edit`}>
                {t("catalogue.reload")}
              </a>
            )}
          </Alert>
        )}
        {existing && (
          <>
            <input type="hidden" name="id" value={existing.id} />
            <input type="hidden" name="version" value={existing.version} />
          </>
        )}
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{t("catalogue.sections.identity")}</legend>
          <div className="md:col-span-2">
            {field(
              "name",
              <Input
                id="f-name"
                name="name"
                value={val("name")}
                onChange={set("name")}
                required
                aria-invalid={!!f.name}
              />,
            )}
          </div>
          {field(
            "agencyId",
            <Select
              id="f-agencyId"
              name="agencyId"
              value={val("agencyId")}
              onChange={set("agencyId")}
              required
              aria-invalid={!!f.agencyId}
            >
              {agencies.length > 1 && <option value="">{t("catalogue.choose")}</option>}
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.shortName}
                </option>
              ))}
            </Select>,
          )}
          {field(
            "yearApplied",
            <Input
              id="f-yearApplied"
              name="yearApplied"
              type="number"
              inputMode="numeric"
              min={2017}
              max={2100}
              value={val("yearApplied")}
              onChange={set("yearApplied")}
              aria-invalid={!!f.yearApplied}
            />,
          )}
          <div className="md:col-span-2">
            {field("summary", <Input id="f-summary" name="summary" value={val("summary")} onChange={set("summary")} />)}
          </div>
          <div className="md:col-span-2">
            <AmountUnitField initial={initial.amountUnit} error={f.amountUnit} />
          </div>
        </fieldset>
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{t("catalogue.sections.classification")}</legend>
          {select("stage", STAGES, "vocab.stage")}
          {select("innovationType", INNOVATION_TYPES, "vocab.innovationType")}
          {select("initiatorType", INITIATOR_TYPES, "vocab.initiatorType")}
          {field(
            "initiatorName",
            <Input
              id="f-initiatorName"
              name="initiatorName"
              value={val("initiatorName")}
              onChange={set("initiatorName")}
            />,
          )}
          {select("form", INNOVATION_FORMS, "vocab.form")}
          {select("theme", THEMES, "vocab.theme")}
          {field(
            "mainAffair",
            <Select
              id="f-mainAffair"
              name="mainAffair"
              value={val("mainAffair")}
              onChange={set("mainAffair")}
              aria-invalid={!!f.mainAffair}
            >
              <option value="">{t("catalogue.choose")}</option>
              {AFFAIRS.map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
            </Select>,
          )}
          <details className="md:col-span-2">
            <summary className="cursor-pointer text-sm font-medium">
              {t("catalogue.fields.otherAffairs")} ({values.otherAffairs?.length ?? 0})
            </summary>
            <div className="mt-2 grid max-h-60 gap-1 overflow-y-auto rounded border border-slate-200 p-2 sm:grid-cols-2">
              {AFFAIRS.map((a) => (
                <label key={a.code} className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    name="otherAffairs"
                    value={a.code}
                    checked={values.otherAffairs?.includes(a.code) ?? false}
                    onChange={(e) =>
                      setValues((v) => ({
                        ...v,
                        otherAffairs: e.target.checked
                          ? [...(v.otherAffairs ?? []), a.code]
                          : (v.otherAffairs ?? []).filter((c) => c !== a.code),
                      }))
                    }
                    className="mt-0.5 size-4"
                  />
                  {a.name}
                </label>
              ))}
            </div>
          </details>
        </fieldset>
        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">{t("catalogue.sections.dates")}</legend>
          {field(
            "trialDate",
            <DateInput
              id="f-trialDate"
              name="trialDate"
              value={val("trialDate")}
              onChange={set("trialDate")}
              aria-invalid={!!f.trialDate}
            />,
          )}
          {field(
            "implementationDate",
            <DateInput
              id="f-implementationDate"
              name="implementationDate"
              value={val("implementationDate")}
              onChange={set("implementationDate")}
              aria-invalid={!!f.implementationDate}
            />,
          )}
        </fieldset>
        <Profile2026Fields
          values={values}
          onChange={(name, value) => setValues((v) => ({ ...v, [name]: value }))}
          errors={f}
        />
        <fieldset className="space-y-4">
          <legend className="mb-2 text-lg font-semibold">{t("catalogue.sections.design")}</legend>
          <Field id="f-design" label={t("catalogue.fields.design")} error={f.design} hint={t("catalogue.designHint")}>
            <WordCountTextarea
              id="f-design"
              name="design"
              value={val("design")}
              onChange={(v) => setValues((s) => ({ ...s, design: v }))}
              invalid={!!f.design}
            />
          </Field>
          {TEXT_AREAS.map((name) =>
            field(
              name,
              <textarea
                key={name}
                id={`f-${name}`}
                name={name}
                rows={3}
                value={val(name)}
                onChange={set(name)}
                className="block w-full rounded-md border border-slate-400 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-brand-600"
              />,
            ),
          )}
        </fieldset>
      </div>
      <aside className="space-y-4 lg:sticky lg:top-20 lg:self-start">
        <CompletenessMeter value={completeness(values)} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("catalogue.saving") : t("catalogue.save")}
          </Button>
          <Button asChild variant="secondary">
            <Link href={cancelHref}>{t("catalogue.cancel")}</Link>
          </Button>
        </div>
        {stale && <p className="text-sm text-slate-700">{t("catalogue.staleHint")}</p>}
      </aside>
    </form>
  );
}
