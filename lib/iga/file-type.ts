/**
 * What an uploaded evidence file really is, read from its first bytes. The name and the browser's
 * Content-Type are the sender's claim; a renamed HTML page must never be stored and served back
 * as a "PDF". Only the three types evaluators accept are allowed.
 */

export const EVIDENCE_TYPES = {
  pdf: { mime: "application/pdf", extensions: ["pdf"] },
  png: { mime: "image/png", extensions: ["png"] },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"] },
} as const;
export type EvidenceFileType = keyof typeof EVIDENCE_TYPES;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

function detectFileType(bytes: Uint8Array): EvidenceFileType | null {
  // "%PDF-"; readers accept it after a little leading junk, but a clean upload starts with it.
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  return null;
}

export function mimeTypeOf(type: EvidenceFileType): string {
  return EVIDENCE_TYPES[type].mime;
}

/** The extension of a file name, lower-case, or "" when it has none. */
function extensionOf(fileName: string): string {
  const match = /\.([A-Za-z0-9]{1,8})$/.exec(fileName.trim());
  return match ? match[1].toLowerCase() : "";
}

export type UploadProblem =
  | { code: "evidence_empty" }
  | { code: "evidence_too_large"; maxMb: string }
  | { code: "evidence_type_not_allowed" }
  | { code: "evidence_type_mismatch"; claimed: string; actual: string };

/**
 * Checks an upload; returns its real type or the problem. A name without an extension is allowed
 * (the stored type comes from the content); a name whose extension names another type is refused,
 * because the evaluator who opens it would be misled.
 */
export function checkUpload(
  fileName: string,
  bytes: Uint8Array,
  maxBytes: number,
): { type: EvidenceFileType } | { problem: UploadProblem } {
  if (bytes.length === 0) return { problem: { code: "evidence_empty" } };
  if (bytes.length > maxBytes) return { problem: { code: "evidence_too_large", maxMb: formatMb(maxBytes) } };
  const type = detectFileType(bytes);
  if (!type) return { problem: { code: "evidence_type_not_allowed" } };
  const ext = extensionOf(fileName);
  if (ext && !(EVIDENCE_TYPES[type].extensions as readonly string[]).includes(ext)) {
    return {
      problem: {
        code: "evidence_type_mismatch",
        claimed: ext.toUpperCase(),
        actual: EVIDENCE_TYPES[type].extensions[0].toUpperCase(),
      },
    };
  }
  return { type };
}

export function formatMb(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1);
}
