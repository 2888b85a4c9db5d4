import { NextResponse } from "next/server";
import { readerLocale } from "@/lib/http/locale";
import type { ImportReport } from "@/lib/beneficiaries/import/report";
import { ingestServiceRecords } from "@/lib/beneficiaries/ingest";
import { apiHandler, readJson } from "@/lib/http/api";
import { strictFailure } from "../beneficiaries/responses";

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
  // Only a written import is stored for replay, so a strict failure is never a replayed answer.
  if (result.status === 422) return strictFailure(result.body as ImportReport, locale);
  return NextResponse.json(result.body, { status: result.status, headers: result.replayed ? { "idempotency-replayed": "true" } : {} });
});
