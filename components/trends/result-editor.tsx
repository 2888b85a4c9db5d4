"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { saveResultAction } from "@/app/(app)/trends/actions";
import { ActionError } from "@/components/iga/action-error";
import { submitWithoutReset } from "@/components/iga/use-submit";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { IgaResult } from "@/lib/trends/iga-results";

const NEW = "new";

/**
 * Admin's and Bappeda's form for one year's result: pick a year (or a new one), change its fields,
 * save with the version read. A stale version comes back as the translated 409 message.
 */
export function ResultEditor({ results }: { results: IgaResult[] }) {
  const t = useTranslations("trends");
  const [state, action, pending] = useActionState(saveResultAction, {});
  const [picked, setPicked] = useState(results.at(-1) ? String(results.at(-1)!.year) : NEW);
  const row = results.find((r) => String(r.year) === picked);
  const value = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));
  // Re-mount the fields when another year is picked or a save moved the version on.
  const formKey = `${picked}-${row?.version ?? 0}`;
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3" data-testid="result-editor">
      <Field id="edit-pick" label={t("edit.year")}>
        <Select id="edit-pick" value={picked} onChange={(e) => setPicked(e.target.value)} data-testid="edit-year">
          {results.map((r) => (
            <option key={r.year} value={r.year}>
              {r.year}
            </option>
          ))}
          <option value={NEW}>{t("edit.newYear")}</option>
        </Select>
      </Field>
      <div key={formKey} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <input type="hidden" name="version" value={row?.version ?? 0} />
        {row ? (
          <input type="hidden" name="year" value={row.year} />
        ) : (
          <Field id="edit-year-new" label={t("edit.newYearLabel")}>
            <Input
              id="edit-year-new"
              name="year"
              inputMode="numeric"
              required
              defaultValue={new Date().getFullYear()}
            />
          </Field>
        )}
        <Field id="edit-national" label={t("col.nationalRank")}>
          <Input id="edit-national" name="nationalRank" inputMode="numeric" defaultValue={value(row?.nationalRank)} />
        </Field>
        <Field id="edit-province" label={t("col.provinceRank")}>
          <Input id="edit-province" name="provinceRank" inputMode="numeric" defaultValue={value(row?.provinceRank)} />
        </Field>
        <Field id="edit-index" label={t("col.index")} hint={t("edit.indexHint")}>
          <Input id="edit-index" name="index" inputMode="decimal" defaultValue={value(row?.index)} />
        </Field>
        <Field id="edit-category" label={t("col.category")}>
          <Input id="edit-category" name="category" defaultValue={value(row?.category)} />
        </Field>
        <Field id="edit-innovations" label={t("col.innovations")}>
          <Input
            id="edit-innovations"
            name="innovationsReported"
            inputMode="numeric"
            defaultValue={value(row?.innovationsReported)}
          />
        </Field>
        <Field id="edit-award" label={t("col.award")}>
          <Input id="edit-award" name="award" defaultValue={value(row?.award)} />
        </Field>
        <Field id="edit-source" label={t("col.source")} hint={t("edit.sourceHint")}>
          <Input id="edit-source" name="source" defaultValue={value(row?.source)} />
        </Field>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} data-testid="edit-save">
          {pending ? t("edit.saving") : t("edit.save")}
        </Button>
        {state.ok && state.message && (
          <span role="status" className="text-sm text-emerald-800">
            {state.message}
          </span>
        )}
      </div>
      <ActionError state={state} />
    </form>
  );
}
