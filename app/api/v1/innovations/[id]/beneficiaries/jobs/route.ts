import { NextResponse } from "next/server";
import { requirePermission } from "@/lib/auth/context";
import { startImportJob } from "@/lib/beneficiaries/batches-jobs";
import { apiHandler } from "@/lib/http/api";
import { readerLocale } from "@/lib/http/locale";
import { importQuery, uploadedFile } from "../request-options";

/**
 * Starts an import (or a dry run) as a background job and answers 202 with the batch id at once;
 * poll `GET /api/v1/import-batches/{batchId}` for progress and the report. The page uses this, so
 * a large import keeps running and its progress survives a reload.
 */
export const POST = apiHandler<{ id: string }>(async ({ req, ctx, params }) => {
  // Before the upload is read: a caller without the permission makes the server take no bytes.
  requirePermission(ctx, "beneficiary.import");
  const { dryRun, mode, columns } = importQuery(req);
  const file = await uploadedFile(req);
  const { batchId } = await startImportJob(ctx, {
    innovationId: params.id,
    body: file.body,
    fileName: file.fileName,
    dryRun,
    mode,
    columns,
    locale: readerLocale(req),
  });
  return NextResponse.json({ batchId }, { status: 202 });
});
