import { z } from "zod";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { EvidenceFileError } from "@/lib/iga/evidence";
import { formatMb } from "@/lib/iga/file-type";
import type { EvidenceInput } from "@/lib/iga/schemas";

/*
 * Request reading shared by the IGA route handlers (kept out of lib/: lib never sees FormData).
 * No "server-only" import, so the integration tests can feed these real Request objects.
 */

const yearParam = z.coerce.number().int().min(2000).max(2100);

/** A path year that is not a plausible year names no framework: 404, like an unknown year. */
export function pathYear(params: { year: string }): number {
  const parsed = yearParam.safeParse(params.year);
  if (!parsed.success) throw new NotFoundError("framework");
  return parsed.data;
}

/** A path id that is not a UUID names no evidence: 404. */
export function pathEvidenceId(params: { id: string }): string {
  if (!z.uuid().safeParse(params.id).success) throw new NotFoundError("evidence");
  return params.id;
}

/** A path id that is not a UUID names no innovation: 404. */
export function pathInnovationId(params: { innovationId: string }): string {
  if (!z.uuid().safeParse(params.innovationId).success) throw new NotFoundError("innovation");
  return params.innovationId;
}

const notJson = () => ValidationError.field(null, "v.jsonBody");

/** A JSON object body; anything else (no JSON, an array, a number) is a 422. */
export async function readObject(req: Request): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    throw notJson();
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw notJson();
  return body as Record<string, unknown>;
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
 * JSON body (a link). An announced body far over the limit is refused before it is read.
 */
export async function evidenceInputFromRequest(req: Request, year: number, maxBytes: number): Promise<EvidenceInput> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return { ...(await readObject(req)), year } as EvidenceInput;
  const tooLarge = () => new EvidenceFileError("evidence_too_large", { maxMb: formatMb(Math.min(maxBytes, PROXY_BODY_LIMIT)) });
  const announced = Number(req.headers.get("content-length") ?? 0);
  if (announced > Math.min(maxBytes + MULTIPART_SLACK, PROXY_BODY_LIMIT)) throw tooLarge();
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new EvidenceFileError("evidence_no_file");
  if (file.size > maxBytes) throw tooLarge();
  const text = (key: string) => {
    const value = form.get(key);
    return typeof value === "string" && value.trim() !== "" ? value : null;
  };
  return {
    year,
    kind: "file",
    indicatorCode: text("indicatorCode") ?? "",
    innovationId: text("innovationId"),
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    replacesEvidenceId: text("replacesEvidenceId"),
    letterNumber: text("letterNumber"),
    letterDate: text("letterDate"),
    subject: text("subject"),
  };
}
