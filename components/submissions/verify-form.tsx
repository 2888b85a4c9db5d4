"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";

interface Result {
  intact: boolean;
  files: number;
  snapshotMatch: "match" | "mismatch" | "not_found";
  snapshot: { id: string; sha256: string };
  mismatches: { path: string; kind: string }[];
}

/** Upload a package and see whether it is intact (the same check as `npm run cli -- verify`). */
export function VerifyForm({ year }: { year: number }) {
  const t = useTranslations("submissions");
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    const file = form.get("package");
    if (!(file instanceof File) || file.size === 0) return;
    setPending(true);
    setError(null);
    setResult(null);
    const res = await fetch(`/api/v1/iga/${year}/submissions/verify`, {
      method: "POST",
      headers: { "content-type": "application/zip" },
      body: file,
    });
    const body = await res.json();
    setPending(false);
    if (res.ok) setResult(body as Result);
    else setError(body.error?.message ?? String(res.status));
  }

  return (
    <form action={submit} className="space-y-3">
      <FileInput
        id="verify-package"
        name="package"
        accept=".zip,application/zip"
        required
        aria-label={t("verifyFile")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t("verifying") : t("verify")}
      </Button>
      {error && <Alert tone="error">{error}</Alert>}
      {result && (
        <Alert tone={result.intact ? "success" : "error"} data-testid="verify-result">
          <p className="font-semibold">
            {result.intact ? t("intact", { files: result.files }) : t("notIntact", { count: result.mismatches.length })}
          </p>
          <p className="text-sm">{t(`snapshot_${result.snapshotMatch}`)}</p>
          {result.mismatches.length > 0 && (
            <ul className="mt-2 list-disc pl-5 text-sm">
              {result.mismatches.map((m) => (
                <li key={m.path}>
                  {t(`mismatch_${m.kind}` as never)}: <code>{m.path}</code>
                </li>
              ))}
            </ul>
          )}
        </Alert>
      )}
    </form>
  );
}
