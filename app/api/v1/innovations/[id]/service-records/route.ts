import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { readerLocale } from "@/app/api/v1/innovations/import/reader-locale";
import { ingestServiceRecords } from "@/lib/beneficiaries/ingest";
import { apiHandler, readJson } from "@/lib/http/api";

/**
 * A JSON batch of up to 10,000 service records from an agency's own system. With an
 * `Idempotency-Key` header, a retry with the same body replays the first answer
 * (`Idempotency-Replayed: true`); the same key with another body is a 409.
 */
export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  const locale = readerLocale(req);
  const result = await ingestServiceRecords(ctx, {
    innovationId: params.id,
    body: await readJson(req),
    idempotencyKey: req.headers.get("idempotency-key"),
    locale,
  });
  let body = result.body as Record<string, unknown>;
  if (result.status === 422) {
    const t = await getTranslations({ locale });
    body = { ...body, error: { code: "records_rejected_strict", message: t("errors.records_rejected_strict", { rejected: Number(body.rejected ?? 0) }) } };
  }
  return NextResponse.json(body, { status: result.status, headers: result.replayed ? { "idempotency-replayed": "true" } : {} });
});
