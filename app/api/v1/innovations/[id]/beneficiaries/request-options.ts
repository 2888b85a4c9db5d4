import { z } from "zod";
import { type ColumnOverrides, RECORD_COLUMNS } from "@/lib/beneficiaries/import/columns";
import type { ImportMode } from "@/lib/beneficiaries/import/run-import";
import type { ByteStream } from "@/lib/beneficiaries/import/sources";
import { parseInput } from "@/lib/errors";
import { isMultipart, NoFileError, queryFlag, queryParam, readMultipartFile, uploadName } from "@/lib/http/request";

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
  return { dryRun: queryFlag(req, "dryRun"), mode: queryParam(req, "mode") === "strict" ? "strict" : "default", columns };
}

/**
 * The uploaded file: a multipart form's `file` field, or else the body itself (text/csv, or the
 * XLSX bytes). A raw body streams; a multipart body is read by the runtime first.
 */
export async function uploadedFile(req: Request): Promise<{ body: ByteStream; fileName: string }> {
  const named = uploadName(req);
  if (isMultipart(req)) {
    const { file } = await readMultipartFile(req);
    return { body: file.stream() as unknown as ByteStream, fileName: file.name || named || "" };
  }
  if (!req.body) throw new NoFileError();
  const type = req.headers.get("content-type") ?? "";
  const fileName = named ?? (type.includes("spreadsheetml") ? "upload.xlsx" : "upload.csv");
  return { body: req.body as unknown as ByteStream, fileName };
}
