"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * The browser's own form messages ("Please fill out this field") come in the browser's language,
 * not the page's. This listens for every form field the browser finds invalid and gives it the
 * message in the UI's language; typing or choosing again clears it so the browser re-checks.
 */
export function ValidityMessages() {
  const t = useTranslations("ux.validity");
  useEffect(() => {
    const message = (el: Field): string => {
      const v = el.validity;
      if (v.valueMissing)
        return el instanceof HTMLInputElement && el.type === "file"
          ? t("fileMissing")
          : el instanceof HTMLSelectElement
            ? t("chooseOne")
            : t("required");
      if (v.typeMismatch)
        return el instanceof HTMLInputElement && el.type === "email"
          ? t("email")
          : el instanceof HTMLInputElement && el.type === "url"
            ? t("url")
            : t("invalid");
      if (v.patternMismatch) return el.title || t("invalid");
      if (v.tooShort) return t("tooShort", { min: (el as HTMLInputElement).minLength });
      if (v.tooLong) return t("tooLong", { max: (el as HTMLInputElement).maxLength });
      if (v.rangeUnderflow || v.rangeOverflow)
        return t("range", { min: (el as HTMLInputElement).min, max: (el as HTMLInputElement).max });
      if (v.stepMismatch || v.badInput) return t("number");
      return t("invalid");
    };
    const onInvalid = (e: Event) => {
      const el = e.target as Field;
      if (!("setCustomValidity" in el)) return;
      el.setCustomValidity("");
      if (!el.validity.valid) el.setCustomValidity(message(el));
    };
    const onEdit = (e: Event) => {
      const el = e.target as Field;
      if ("setCustomValidity" in el) el.setCustomValidity("");
    };
    document.addEventListener("invalid", onInvalid, true);
    document.addEventListener("input", onEdit, true);
    document.addEventListener("change", onEdit, true);
    return () => {
      document.removeEventListener("invalid", onInvalid, true);
      document.removeEventListener("input", onEdit, true);
      document.removeEventListener("change", onEdit, true);
    };
  }, [t]);
  return null;
}
