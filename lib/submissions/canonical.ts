import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/**
 * The canonical form of a snapshot (RFC 8785 JSON Canonicalization: sorted keys, fixed number
 * format), so the same content always has the same SHA-256 whichever database stored it.
 */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error("snapshot content is not JSON");
  return text;
}

export function sha256Of(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}
