import { getTranslations } from "next-intl/server";
import { auditValueText } from "@/lib/audit/vocabulary";
import { RUPIAH } from "@/lib/beneficiaries/amount-unit";
import { affairName } from "@/lib/reference/affairs";

const VOCAB_FIELDS = new Set(["stage", "innovationType", "initiatorType", "form", "theme"]);

type Row = Record<string, unknown> | null;

/**
 * One audit row's change in words: each changed field by its name in the reader's language, with
 * its value before → after. The full record stays one click away for the rare deep look.
 */
export async function AuditChanges({
  changedFields,
  before,
  after,
}: {
  changedFields: string[];
  before: Row;
  after: Row;
}) {
  const [t, tFields, tVocab, tUnit] = await Promise.all([
    getTranslations("ux.auditLog"),
    getTranslations("catalogue.fields"),
    getTranslations("vocab"),
    getTranslations("ux.amountUnit"),
  ]);
  const yesNo = { yes: t("yes"), no: t("no") };
  // Coded values read as the form shows them: urusan by name, vocabularies by label, IDR as rupiah.
  const readable = (field: string, value: unknown): unknown => {
    if (field === "mainAffair" && typeof value === "string") return affairName(value);
    if (field === "otherAffairs" && Array.isArray(value))
      return value.map((v) => (typeof v === "string" ? affairName(v) : v));
    if (field === "amountUnit" && value === RUPIAH) return tUnit("rupiah");
    if (VOCAB_FIELDS.has(field) && typeof value === "string" && tVocab.has(`${field}.${value}`))
      return tVocab(`${field}.${value}`);
    return value;
  };
  // Innovation fields keep the labels of the innovation form; other fields have their own.
  const fieldName = (field: string) =>
    tFields.has(field) ? tFields(field) : t.has(`field.${field}`) ? t(`field.${field}`) : field;
  // A record created or removed changes every field: only its name says what it was.
  const shown = before && after ? changedFields : [];
  return (
    <div className="space-y-1 text-xs">
      {shown.length > 0 && (
        <ul className="space-y-1" data-testid="audit-change-list">
          {shown.map((field) => (
            <li key={field} className="break-words">
              <span className="font-medium text-slate-800">{fieldName(field)}</span>:{" "}
              <span className="text-slate-600">{auditValueText(readable(field, before?.[field]), yesNo)}</span> →{" "}
              <span className="text-slate-900">{auditValueText(readable(field, after?.[field]), yesNo)}</span>
            </li>
          ))}
        </ul>
      )}
      {!before && after && typeof after.name === "string" && (
        <p>
          {t("created")}: {after.name}
        </p>
      )}
      {(before || after) && (
        <details>
          <summary className="cursor-pointer text-brand-700">{t("fullRecord")}</summary>
          <div className="mt-2 grid gap-2 md:grid-cols-2">
            <pre
              className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2"
              aria-label={t("before")}
            >
              {JSON.stringify(before, null, 1)}
            </pre>
            <pre
              className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2"
              aria-label={t("after")}
            >
              {JSON.stringify(after, null, 1)}
            </pre>
          </div>
        </details>
      )}
    </div>
  );
}
