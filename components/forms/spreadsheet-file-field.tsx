"use client";

import { FileInput } from "@/components/ui/file-input";
import { Field } from "@/components/ui/label";

const ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The CSV/XLSX picker of an import form, with its hint read out by screen readers. */
export function SpreadsheetFileField({
  id,
  label,
  hint,
  required,
  disabled,
  onFile,
}: {
  id: string;
  label: string;
  hint: string;
  required?: boolean;
  disabled?: boolean;
  onFile: (file: File | null) => void;
}) {
  return (
    <div className="w-full min-w-0 sm:w-auto sm:min-w-64 sm:flex-1">
      <Field id={id} label={label}>
        <FileInput
          id={id}
          name="file"
          required={required}
          accept={ACCEPT}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onFile(e.currentTarget.files?.[0] ?? null)}
          disabled={disabled}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      </Field>
    </div>
  );
}
