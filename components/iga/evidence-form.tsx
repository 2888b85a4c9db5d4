"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState, useSyncExternalStore, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { FileInput } from "@/components/ui/file-input";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { formatMb } from "@/lib/iga/file-type";

/** Fields whose errors show under their own input; the rest go in the message box. */
const INLINE = ["url", "letterNumber", "letterDate", "subject", "fileName", "bytes"];

const noSubscription = () => () => {};

interface Outcome {
  ok?: boolean;
  message?: string;
  fields?: { field: string; message: string }[];
}

/**
 * Attaches evidence through the API (POST /api/v1/iga/{year}/evidence): a file goes as multipart,
 * so a 10 MB PDF is not squeezed through a server action's body limit; a link goes as JSON.
 */
export function EvidenceForm({
  year,
  indicatorCode,
  innovationId,
  maxBytes,
  replacesEvidenceId = null,
  onDone,
}: {
  year: number;
  indicatorCode: string;
  innovationId: string | null;
  maxBytes: number;
  /** The piece this upload replaces: removed with its verdict when the new one is stored. */
  replacesEvidenceId?: string | null;
  onDone?: () => void;
}) {
  const t = useTranslations("iga.evidence");
  const te = useTranslations("errors");
  const router = useRouter();
  // The API words its errors after Accept-Language; the browser's may not be the UI's language.
  const locale = useLocale();
  const [kind, setKind] = useState<"file" | "link">("file");
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, startTransition] = useTransition();
  // False on the server and until hydration: the upload needs this component's script, so the
  // button waits for it instead of letting the browser submit the form as a plain GET.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const id = replacesEvidenceId ? `replace-${replacesEvidenceId}` : `evidence-${indicatorCode}`;
  // Worded as the server words its own evidence_too_large message.
  const maxMb = formatMb(maxBytes);
  const fieldError = (name: string) => outcome.fields?.find((f) => f.field === name)?.message;

  async function send(form: HTMLFormElement) {
    const data = new FormData(form);
    const value = (key: string) => {
      const v = data.get(key);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
    };
    let response: Response;
    if (kind === "file") {
      const file = data.get("file");
      // The server checks again; this only spares a long upload that would be refused.
      if (file instanceof File && file.size > maxBytes)
        return setOutcome({ ok: false, message: te("evidence_too_large", { maxMb }) });
      data.delete("url");
      response = await fetch(`/api/v1/iga/${year}/evidence`, {
        method: "POST",
        headers: { "accept-language": locale },
        body: data,
      });
    } else {
      const body = {
        kind: "link",
        indicatorCode,
        innovationId,
        replacesEvidenceId,
        url: value("url") ?? "",
        letterNumber: value("letterNumber"),
        letterDate: value("letterDate"),
        subject: value("subject"),
      };
      response = await fetch(`/api/v1/iga/${year}/evidence`, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": locale },
        body: JSON.stringify(body),
      });
    }
    const json = await response.json().catch(() => null);
    if (!response.ok)
      return setOutcome({ ok: false, message: json?.error?.message ?? t("failed"), fields: json?.error?.fields });
    form.reset();
    setOutcome({
      ok: true,
      message: json?.deduplicated ? t("deduplicated") : replacesEvidenceId ? t("replaced") : t("added"),
    });
    router.refresh();
    onDone?.();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    startTransition(async () => {
      try {
        await send(form);
      } catch {
        setOutcome({ ok: false, message: t("failed") });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} method="post" className="space-y-3" data-testid={`${id}-form`} noValidate>
      <input type="hidden" name="indicatorCode" value={indicatorCode} />
      <input type="hidden" name="innovationId" value={innovationId ?? ""} />
      {replacesEvidenceId && <input type="hidden" name="replacesEvidenceId" value={replacesEvidenceId} />}
      <fieldset className="flex flex-wrap gap-4">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("kind")}</legend>
        {(["file", "link"] as const).map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="kind"
              value={k}
              checked={kind === k}
              onChange={() => setKind(k)}
              className="size-4 accent-brand-700"
            />
            {k === "file" ? t("kindFile") : t("kindLink")}
          </label>
        ))}
      </fieldset>
      {kind === "file" ? (
        <Field
          id={`${id}-file`}
          label={t("file")}
          hint={t("fileHint", { maxMb })}
          error={fieldError("fileName") ?? fieldError("bytes")}
        >
          <FileInput
            id={`${id}-file`}
            name="file"
            required
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
          />
        </Field>
      ) : (
        <Field id={`${id}-url`} label={t("url")} hint={t("urlHint")} error={fieldError("url")}>
          <Input id={`${id}-url`} name="url" type="url" inputMode="url" aria-invalid={!!fieldError("url")} />
        </Field>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field id={`${id}-letterNumber`} label={t("letterNumber")} error={fieldError("letterNumber")}>
          <Input id={`${id}-letterNumber`} name="letterNumber" maxLength={200} />
        </Field>
        <Field id={`${id}-letterDate`} label={t("letterDate")} error={fieldError("letterDate")}>
          <DateInput id={`${id}-letterDate`} name="letterDate" aria-invalid={!!fieldError("letterDate")} />
        </Field>
      </div>
      <Field id={`${id}-subject`} label={t("subject")} error={fieldError("subject")}>
        <Input id={`${id}-subject`} name="subject" maxLength={500} />
      </Field>
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? t("uploading") : replacesEvidenceId ? t("replaceSubmit") : t("upload")}
      </Button>
      {outcome.message && (
        <Alert tone={outcome.ok ? "success" : "error"}>
          {outcome.message}
          {outcome.fields
            ?.filter((f) => !INLINE.includes(f.field))
            .map((f) => (
              <span key={f.field} className="block">
                {f.message}
              </span>
            ))}
        </Alert>
      )}
    </form>
  );
}
