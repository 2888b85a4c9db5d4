"use client";

import { useTranslations } from "next-intl";
import { DateInput } from "@/components/ui/date-input";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { missingProfile2026, type Profile2026FormField } from "@/lib/innovations/profile-2026";
import { CLASSIFICATIONS, PRIORITY_CLUSTERS, PROFILE_2026_FIELDS } from "@/lib/innovations/vocabulary";
import { ASTA_CITA } from "@/lib/reference/asta-cita";

interface Props {
  values: Partial<Record<Profile2026FormField, string | number | null>>;
  onChange: (field: Profile2026FormField, value: string) => void;
  errors: Partial<Record<string, string>>;
}

/**
 * The "Profil 2026" section of the innovation form: the fields the 2026 guideline adds. Optional
 * on save; the pre-flight of a year whose rules list them asks for them (its link lands here).
 */
export function Profile2026Fields({ values, onChange, errors }: Props) {
  const t = useTranslations();
  const val = (f: Profile2026FormField) => String(values[f] ?? "");
  const set = (f: Profile2026FormField) => (e: { target: { value: string } }) => onChange(f, e.target.value);
  const filled = PROFILE_2026_FIELDS.length - missingProfile2026(values, PROFILE_2026_FIELDS).length;
  const select = (f: "classification" | "priorityCluster", codes: readonly string[]) => (
    <Field id={`f-${f}`} label={t(`catalogue.fields.${f}`)} error={errors[f]}>
      <Select id={`f-${f}`} name={f} value={val(f)} onChange={set(f)} aria-invalid={!!errors[f]}>
        <option value="">{t("catalogue.choose")}</option>
        {codes.map((c) => (
          <option key={c} value={c}>
            {t(`vocab.${f}.${c}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
  const degrees = (f: "latitude" | "longitude", limit: number) => (
    <Field id={`f-${f}`} label={t(`catalogue.fields.${f}`)} error={errors[f]}>
      <Input
        id={`f-${f}`}
        name={f}
        type="number"
        inputMode="decimal"
        step="any"
        min={-limit}
        max={limit}
        value={val(f)}
        onChange={set(f)}
        aria-invalid={!!errors[f]}
      />
    </Field>
  );

  return (
    <fieldset id="profil-2026" className="grid scroll-mt-20 gap-4 md:grid-cols-2" data-testid="profile-2026">
      <legend className="mb-2 text-lg font-semibold">{t("catalogue.sections.profile2026")}</legend>
      <div className="space-y-1 text-sm text-slate-700 md:col-span-2">
        <p>{t("profile2026.intro")}</p>
        <p className="text-xs text-slate-600">{t("profile2026.assumed")}</p>
        <p className="font-medium" data-testid="profile-2026-filled">
          {t("profile2026.filled", { filled, total: PROFILE_2026_FIELDS.length })}
        </p>
      </div>
      {select("classification", CLASSIFICATIONS)}
      {select("priorityCluster", PRIORITY_CLUSTERS)}
      <div className="md:col-span-2">
        <Field
          id="f-astaCita"
          label={t("catalogue.fields.astaCita")}
          error={errors.astaCita}
          hint={t("profile2026.astaCitaSource")}
        >
          <Select
            id="f-astaCita"
            name="astaCita"
            value={val("astaCita")}
            onChange={set("astaCita")}
            aria-invalid={!!errors.astaCita}
          >
            <option value="">{t("catalogue.choose")}</option>
            {ASTA_CITA.map((a) => (
              <option key={a.no} value={a.no}>
                {`${a.no}. ${t(`vocab.astaCita.${a.no}`)}`}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {degrees("latitude", 90)}
      {degrees("longitude", 180)}
      <p className="-mt-2 text-xs text-slate-600 md:col-span-2">{t("profile2026.coordinatesHint")}</p>
      <Field
        id="f-latestDevelopmentDate"
        label={t("catalogue.fields.latestDevelopmentDate")}
        error={errors.latestDevelopmentDate}
        hint={t("profile2026.latestDevelopmentHint")}
      >
        <DateInput
          id="f-latestDevelopmentDate"
          name="latestDevelopmentDate"
          value={val("latestDevelopmentDate")}
          onChange={set("latestDevelopmentDate")}
          aria-invalid={!!errors.latestDevelopmentDate}
        />
      </Field>
    </fieldset>
  );
}
