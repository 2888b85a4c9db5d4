import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { UploadTooLargeError } from "@/lib/beneficiaries/import/file-error";
import type { ByteStream } from "@/lib/beneficiaries/import/sources";
import { NoFileError } from "./request";

/**
 * An uploaded file read as a stream, never whole in memory: a multipart form's `file` field (parsed
 * by busboy as the bytes arrive), or else the raw body. Anything past `maxBytes` stops the stream
 * with a 413 (`UploadTooLargeError`); a `Content-Length` already over the limit is refused before a
 * byte is read. `req.formData()` is not used because it buffers the whole body.
 */
export async function streamedUpload(
  req: Request,
  maxBytes: number,
): Promise<{ body: ByteStream; fileName: string | null } | null> {
  const announced = Number(req.headers.get("content-length"));
  if (Number.isFinite(announced) && announced > maxBytes) throw new UploadTooLargeError(maxBytes);
  if (!req.body) return null;
  const type = req.headers.get("content-type") ?? "";
  if (!type.startsWith("multipart/form-data"))
    return { body: limited(req.body as unknown as ByteStream, maxBytes), fileName: null };
  return multipartFile(req, type, maxBytes);
}

/** Passes the bytes on and throws once more than `maxBytes` went through. */
async function* limited(input: ByteStream, maxBytes: number): ByteStream {
  let total = 0;
  for await (const chunk of input) {
    total += chunk.length;
    if (total > maxBytes) throw new UploadTooLargeError(maxBytes);
    yield chunk;
  }
}

/** The first `file` part of a multipart body, as a stream; null when the form has none. */
function multipartFile(
  req: Request,
  type: string,
  maxBytes: number,
): Promise<{ body: ByteStream; fileName: string | null } | null> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: { "content-type": type }, limits: { files: 1, fileSize: maxBytes } });
    } catch {
      reject(new NoFileError());
      return;
    }
    let found = false;
    parser.on("file", (field, stream, info) => {
      if (field !== "file" || found) {
        stream.resume(); // other file fields are read past, not kept
        return;
      }
      found = true;
      // busboy cuts a part at `fileSize` and says so with "limit": turn that into an error.
      stream.on("limit", () => stream.destroy(new UploadTooLargeError(maxBytes)));
      resolve({ body: stream as unknown as ByteStream, fileName: info.filename || null });
    });
    parser.on("error", () => (found ? undefined : reject(new NoFileError())));
    parser.on("close", () => (found ? undefined : resolve(null)));
    const body = Readable.fromWeb(req.body as unknown as WebReadableStream<Uint8Array>);
    body.on("error", (e) => parser.destroy(e));
    body.pipe(parser);
  });
}
