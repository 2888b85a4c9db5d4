import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { formText, isMultipart, pathUuid, readJsonObject, readMultipartFile } from "@/lib/http/request";
import { EvidenceFileError } from "@/lib/iga/evidence";
import { formatMb } from "@/lib/iga/file-type";

/* Path parameters and the evidence body of the IGA route handlers, read with lib/http/request. */

const yearParam = z.coerce.number().int().min(2000).max(2100);

/** A path year that is not a plausible year names no framework: 404, like an unknown year. */
export function pathYear(params: { year: string }): number {
  const parsed = yearParam.safeParse(params.year);
  if (!parsed.success) throw new NotFoundError("framework");
  return parsed.data;
}

/** A path id that is not a UUID names no evidence: 404. */
export function pathEvidenceId(params: { id: string }): string {
  return pathUuid(params.id, "evidence");
}

/** A path id that is not a UUID names no innovation: 404. */
export function pathInnovationId(params: { innovationId: string }): string {
  return pathUuid(params.innovationId, "innovation");
}

/** Multipart framing around the file: headers, boundaries and the letter fields. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * proxy.ts runs for /api too, and Next hands a route only the first `proxyClientMaxBodySize`
 * bytes of a body (10 MB by default) when a proxy is present. A longer body would arrive cut and
 * fail to parse, so it is refused as too large up front. An EVIDENCE_MAX_BYTES above 10 MB needs
 * that setting raised in next.config.ts as well.
 */
const PROXY_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * Evidence from a request: multipart/form-data with a `file` and the letter fields (a file), or a
 * JSON body (a link). An announced body far over the limit is refused before it is read. The path
 * year wins over one in the body.
 */
export async function evidenceInputFromRequest(
  req: Request,
  year: number,
  maxBytes: number,
): Promise<Record<string, unknown>> {
  if (!isMultipart(req)) return { ...(await readJsonObject(req)), year };
  const tooLarge = () =>
    new EvidenceFileError("evidence_too_large", { maxMb: formatMb(Math.min(maxBytes, PROXY_BODY_LIMIT)) });
  const announced = Number(req.headers.get("content-length") ?? 0);
  if (announced > Math.min(maxBytes + MULTIPART_SLACK, PROXY_BODY_LIMIT)) throw tooLarge();
  const { file, form } = await readMultipartFile(req);
  if (file.size > maxBytes) throw tooLarge();
  return {
    year,
    kind: "file",
    indicatorCode: formText(form, "indicatorCode") ?? "",
    innovationId: formText(form, "innovationId"),
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    replacesEvidenceId: formText(form, "replacesEvidenceId"),
    letterNumber: formText(form, "letterNumber"),
    letterDate: formText(form, "letterDate"),
    subject: formText(form, "subject"),
  };
}
