import { z } from "zod";
import { AppError, NotFoundError, ValidationError } from "@/lib/errors";

/*
 * All request reading of the app's entry points: JSON bodies, the uploaded file of a multipart
 * form, boolean query flags, form text. Route handlers and server actions read here and hand lib
 * `input: unknown`; lib never sees a Request or FormData. No "server-only" import, so tests feed
 * these real Request objects.
 */

const notJson = () => ValidationError.field(null, "v.jsonBody");

/** A request that should have carried a file and did not (422, one code for every upload). */
export class NoFileError extends AppError {
  constructor() {
    super(422, "no_file");
  }
}

/**
 * A path id that is not a UUID names no record: 404, as the OpenAPI document says, rather than the
 * 422 a lib schema would give for its own `id` field.
 */
export function pathUuid(value: string, entity: string): string {
  if (!z.uuid().safeParse(value).success) throw new NotFoundError(entity);
  return value;
}

/** A JSON body; a body that is not JSON is a 422 like any other bad input. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw notJson();
  }
}

/**
 * A JSON object body; anything else (no JSON, an array, a number) is a 422. With `emptyIsObject`,
 * an empty body means `{}` (the defaults).
 */
export async function readJsonObject(
  req: Request,
  options: { emptyIsObject?: boolean } = {},
): Promise<Record<string, unknown>> {
  if (options.emptyIsObject && !(await req.clone().text()).trim()) return {};
  const body = await readJson(req);
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw notJson();
  return body as Record<string, unknown>;
}

/** `?name=true` or `?name=1`; anything else (or absent) is false. */
export function queryFlag(req: Request, name: string): boolean {
  return ["true", "1"].includes(new URL(req.url).searchParams.get(name) ?? "");
}

/** One query parameter as sent, or null. */
export function queryParam(req: Request, name: string): string | null {
  return new URL(req.url).searchParams.get(name);
}

/** A form field's text as typed, or null when it is absent or blank (the lib schemas trim). */
export function formText(form: FormData, key: string): string | null {
  const value = form.get(key);
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

export function isMultipart(req: Request): boolean {
  return (req.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * The `file` part of a multipart form with the form's other fields; a body that is no form, or a
 * form without a file, is `no_file`. The runtime reads the whole form first.
 */
export async function readMultipartFile(req: Request): Promise<{ file: File; form: FormData }> {
  const form = await req.formData().catch(() => null);
  const file = form?.get("file");
  if (!form || !(file instanceof File)) throw new NoFileError();
  return { file, form };
}

/**
 * The upload's name as the client gave it: `?fileName=` (the URL parser has decoded it already) or
 * an `X-File-Name` header, URI-encoded (a header carries ASCII only); a broken encoding is kept as sent.
 */
export function uploadName(req: Request): string | null {
  const query = queryParam(req, "fileName");
  if (query) return query;
  const header = req.headers.get("x-file-name");
  if (!header) return null;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}
