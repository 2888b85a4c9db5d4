import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/context";
import type { ImportReport } from "@/lib/beneficiaries/import/report";
import { ingestServiceRecords } from "@/lib/beneficiaries/ingest";
import { apiHandler } from "@/lib/http/api";
import { readerLocale } from "@/lib/http/locale";
import { readJson } from "@/lib/http/request";
import { strictFailure } from "../beneficiaries/responses";

/**
 * A JSON batch of up to 10,000 service records from an agency's own system. With an
 * `Idempotency-Key` header, a retry with the same body replays the first answer
 * (`Idempotency-Replayed: true`); the same key with another body is a 409.
 */
export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  // Before the body is read: a caller without the permission learns nothing from a bad body.
  requirePermission(ctx, "beneficiary.import");
  const locale = readerLocale(req);
  const result = await ingestServiceRecords({
    ctx,
    input: {
      innovationId: params.id,
      body: await readJson(req),
      idempotencyKey: req.headers.get("idempotency-key"),
      locale,
    },
  });
  // Only a written import is stored for replay, so a strict failure is never a replayed answer.
  if (result.status === 422) return strictFailure(result.body as ImportReport, locale);
  return NextResponse.json(result.body, {
    status: result.status,
    headers: result.replayed ? { "idempotency-replayed": "true" } : {},
  });
});
