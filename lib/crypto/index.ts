import { EncryptionKeyError } from "@/lib/errors";
import { DecryptError, decryptText, encryptText, hmacHex } from "./field-crypto";
import { nikKeys, type NikKeys } from "./nik-keys";

// The public surface of the crypto module; import from "@/lib/crypto".
export { DecryptError, decodeKey } from "./field-crypto";
export { generateNikKeys, nikKeys, setNikKeys } from "./nik-keys";
export type { NikKeys } from "./nik-keys";

/** What each ciphertext is for; bound as associated data so values cannot be swapped between columns. */
export type Purpose = "nik" | "name" | "rejected-rows";

/** The resident link: HMAC-SHA-256 of the normalised 16-digit NIK. */
export function hashNik(nik: string, keys: NikKeys = nikKeys()): string {
  return hmacHex(keys.hmac, nik);
}

export function encryptField(plain: string, purpose: Purpose, keys: NikKeys = nikKeys()): string {
  return encryptText(keys.encryption, plain, purpose);
}

export function decryptField(token: string, purpose: Purpose, keys: NikKeys = nikKeys()): string {
  return decryptText(keys.encryption, token, purpose);
}

/**
 * `decryptField` for values read back from the database: a value the current key cannot open
 * means the key was changed, and becomes an `EncryptionKeyError` the reader sees in words.
 */
export function decryptStored(token: string, purpose: Purpose, keys: NikKeys = nikKeys()): string {
  try {
    return decryptField(token, purpose, keys);
  } catch (error) {
    if (error instanceof DecryptError) throw new EncryptionKeyError();
    throw error;
  }
}
