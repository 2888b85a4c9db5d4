import { z } from "zod";
import { RECORD_COLUMNS, type ColumnOverrides } from "@/lib/beneficiaries/import/columns";
import type { ImportMode } from "@/lib/beneficiaries/import/run-import";
import type { ByteStream } from "@/lib/beneficiaries/import/sources";
import { RecordFileError } from "@/lib/beneficiaries/import/file-error";
import { parseInput } from "@/lib/errors";
import { env } from "@/lib/config/env";
import { streamedUpload } from "@/lib/http/streamed-upload";

const columnsSchema = z.partialRecord(z.enum(RECORD_COLUMNS), z.string().max(200));

/** `?dryRun=true`, `?mode=strict`, `?columns={"nik":"No Identitas",…}` of an import request. */
export function importQuery(req: Request): { dryRun: boolean; mode: ImportMode; columns: ColumnOverrides | undefined } {
  const params = new URL(req.url).searchParams;
  const dryRun = ["true", "1"].includes(params.get("dryRun") ?? "");
  const mode = params.get("mode") === "strict" ? "strict" : "default";
  const raw = params.get("columns");
  let columns: ColumnOverrides | undefined;
  if (raw) {
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = raw;
    }
    columns = parseInput(columnsSchema, parsed);
  }
  return { dryRun, mode, columns };
}

/**
 * The upload's name as the client gave it: `?fileName=` (the URL parser has decoded it already) or
 * an `X-File-Name` header, URI-encoded (a header carries ASCII only); a broken encoding is kept as sent.
 */
export function uploadName(req: Request): string | null {
  const query = new URL(req.url).searchParams.get("fileName");
  if (query) return query;
  const header = req.headers.get("x-file-name");
  if (!header) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

/**
 * The uploaded file: a multipart form's `file` field, or else the body itself (text/csv, or the
 * XLSX bytes). Both stream (lib/http/streamed-upload.ts); over `IMPORT_MAX_BYTES` is a 413.
 */
export async function uploadedFile(req: Request): Promise<{ body: ByteStream; fileName: string }> {
  const type = req.headers.get("content-type") ?? "";
  const named = uploadName(req);
  const upload = await streamedUpload(req, env().IMPORT_MAX_BYTES);
  if (!upload) throw new RecordFileError("records_body_missing");
  const fileName = upload.fileName || named || (type.includes("spreadsheetml") ? "upload.xlsx" : "upload.csv");
  return { body: upload.body, fileName };
}
