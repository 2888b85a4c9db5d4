"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { RUPIAH } from "@/lib/beneficiaries/amount-unit";

type Kind = "none" | "rupiah" | "other";

/**
 * What the `nilai` column of this innovation's beneficiary data means: rupiah, a unit word such as
 * "dokumen", or a plain number. The form posts one `amountUnit` value ("IDR", the word, or empty).
 */
export function AmountUnitField({ initial, error }: { initial: string | null | undefined; error?: string }) {
  const t = useTranslations("ux.amountUnit");
  const [kind, setKind] = useState<Kind>(!initial ? "none" : initial === RUPIAH ? "rupiah" : "other");
  const [word, setWord] = useState(initial && initial !== RUPIAH ? initial : "");
  const value = kind === "rupiah" ? RUPIAH : kind === "other" ? word : "";
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="amountUnit" value={value} />
      <Field id="f-amountUnit" label={t("label")} hint={t("hint")} error={error}>
        <Select id="f-amountUnit" value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-invalid={!!error}>
          <option value="none">{t("none")}</option>
          <option value="rupiah">{t("rupiah")}</option>
          <option value="other">{t("other")}</option>
        </Select>
      </Field>
      {kind === "other" && (
        <Field id="f-amountUnitWord" label={t("word")}>
          <Input
            id="f-amountUnitWord"
            value={word}
            maxLength={30}
            placeholder={t("wordPlaceholder")}
            onChange={(e) => setWord(e.target.value)}
          />
        </Field>
      )}
    </div>
  );
}
