import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { pickLocale } from "@/i18n/locales";
import { AppError, ValidationError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { translateIssues } from "./errors-i18n";

/** What a server action hands back to its form (useActionState). */
export interface ActionState<T = unknown> {
  ok?: boolean;
  message?: string;
  error?: string;
  /** The stable error code, for forms that react to one (e.g. stale_version offers a reload). */
  code?: string;
  fields?: Record<string, string>;
  data?: T;
}

/** Runs a mutation for a form and turns a known error into a message in the user's language. */
export async function runAction<T>(fn: () => Promise<T>, successKey?: string): Promise<ActionState<T>> {
  const t = await getTranslations();
  try {
    const data = await fn();
    return { ok: true, data, message: successKey ? t(successKey) : undefined };
  } catch (error) {
    if (error instanceof ValidationError) {
      const locale = pickLocale(await getLocale());
      const fields = Object.fromEntries(translateIssues(error.issues, locale, t).map((f) => [f.field, f.message]));
      return { ok: false, error: t("errors.validation_failed"), code: error.code, fields };
    }
    if (error instanceof AppError)
      return { ok: false, error: t(`errors.${error.code}`, error.params), code: error.code };
    logger.error({ err: error }, "server action failed");
    return { ok: false, error: t("errors.internal") };
  }
}
