import { z } from "zod";
import type { Locale } from "@/i18n/locales";

type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface FieldError {
  field: string;
  message: string;
}

/**
 * Zod issues as field-by-field messages in the reader's language. Schemas name their own messages
 * as `v.<key>` (looked up under `validation.<key>`); anything else gets zod's message for the locale.
 */
export function translateIssues(issues: z.core.$ZodIssue[], locale: Locale, t: Translate): FieldError[] {
  const localeError = (locale === "en" ? z.locales.en() : z.locales.id()).localeError;
  return issues.map((issue) => {
    let message: string;
    if (issue.message.startsWith("v.")) {
      message = t(`validation.${issue.message.slice(2)}`);
    } else {
      const generated = localeError(issue as never);
      message = typeof generated === "string" ? generated : (generated?.message ?? issue.message);
    }
    return { field: issue.path.join(".") || "_", message };
  });
}
