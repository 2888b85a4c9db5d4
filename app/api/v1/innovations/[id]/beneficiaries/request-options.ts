import { z } from "zod";
import { type ColumnOverrides, RECORD_COLUMNS } from "@/lib/beneficiaries/import/columns";
import type { ImportMode } from "@/lib/beneficiaries/import/run-import";
import type { ByteStream } from "@/lib/beneficiaries/import/sources";
import { parseInput } from "@/lib/errors";
import { env } from "@/lib/config/env";
import { NoFileError, queryFlag, queryParam, uploadName } from "@/lib/http/request";
import { streamedUpload } from "@/lib/http/streamed-upload";

const columnsSchema = z.partialRecord(z.enum(RECORD_COLUMNS), z.string().max(200));

/**
 * `?dryRun=true`, `?mode=strict`, `?columns={"nik":"No Identitas",…}` of an import request. A
 * `columns` that is not JSON is checked as the text, which the schema refuses (422). Read after
 * the route's permission check.
 */
export function importQuery(req: Request): { dryRun: boolean; mode: ImportMode; columns: ColumnOverrides | undefined } {
  const raw = queryParam(req, "columns");
  let columns: ColumnOverrides | undefined;
  if (raw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = raw;
    }
    columns = parseInput(columnsSchema, parsed);
  }
  return {
    dryRun: queryFlag(req, "dryRun"),
    mode: queryParam(req, "mode") === "strict" ? "strict" : "default",
    columns,
  };
}

/**
 * The uploaded file: a multipart form's `file` field, or else the body itself (text/csv, or the
 * XLSX bytes). Both stream (lib/http/streamed-upload.ts); over `IMPORT_MAX_BYTES` is a 413.
 */
export async function uploadedFile(req: Request): Promise<{ body: ByteStream; fileName: string }> {
  const named = uploadName(req);
  const upload = await streamedUpload(req, env().IMPORT_MAX_BYTES);
  if (!upload) throw new NoFileError();
  const type = req.headers.get("content-type") ?? "";
  const fileName = upload.fileName || named || (type.includes("spreadsheetml") ? "upload.xlsx" : "upload.csv");
  return { body: upload.body, fileName };
}
