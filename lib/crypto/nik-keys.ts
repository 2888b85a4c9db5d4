import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { decodeKey, KEY_BYTES } from "./field-crypto";

export interface NikKeys {
  /** Keys the NIK's HMAC: changing it breaks the link to every stored resident. */
  hmac: Buffer;
  /** Encrypts the NIK and the name: losing it makes them unreadable (the hashes still link). */
  encryption: Buffer;
}

const KEY_FILE = "nik-keys.json";
const globalKeys = globalThis as unknown as { nikKeys?: NikKeys };

/**
 * The keys in use: NIK_HMAC_KEY and NIK_ENCRYPTION_KEY from the environment (required in
 * production with DATABASE_URL, see lib/config/env.ts); otherwise generated once into
 * DATA_DIR/nik-keys.json, like AUTH_SECRET, so an embedded installation works out of the box.
 * Cached on globalThis: route bundles and the CLI must all hash with the same key.
 */
export function nikKeys(): NikKeys {
  globalKeys.nikKeys ??= loadKeys();
  return globalKeys.nikKeys;
}

/** For tests and the benchmark: use these keys instead of the environment (null: reload). */
export function setNikKeys(keys: NikKeys | null) {
  globalKeys.nikKeys = keys ?? undefined;
}

/** Two fresh random keys (tests, benchmark, and the generated key file). */
export function generateNikKeys(): NikKeys {
  return { hmac: randomBytes(KEY_BYTES), encryption: randomBytes(KEY_BYTES) };
}

function loadKeys(): NikKeys {
  const e = env();
  const fromEnv = {
    hmac: e.NIK_HMAC_KEY ? decodeKey(e.NIK_HMAC_KEY) : null,
    encryption: e.NIK_ENCRYPTION_KEY ? decodeKey(e.NIK_ENCRYPTION_KEY) : null,
  };
  if (fromEnv.hmac && fromEnv.encryption) return { hmac: fromEnv.hmac, encryption: fromEnv.encryption };
  const generated = generatedKeys(e.DATA_DIR);
  return { hmac: fromEnv.hmac ?? generated.hmac, encryption: fromEnv.encryption ?? generated.encryption };
}

function generatedKeys(dataDir: string): NikKeys {
  const file = path.join(dataDir, KEY_FILE);
  try {
    return parseKeyFile(fs.readFileSync(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const keys = generateNikKeys();
  const text = JSON.stringify({ hmac: keys.hmac.toString("base64"), encryption: keys.encryption.toString("base64") });
  try {
    // "wx": when two processes start at once, the second must read the first one's keys, not replace them.
    fs.writeFileSync(file, text, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return parseKeyFile(fs.readFileSync(file, "utf8"), file);
    throw error;
  }
  logger.warn(
    { file },
    "NIK_HMAC_KEY / NIK_ENCRYPTION_KEY not set: generated keys into the data directory. Back this file up: without it stored NIKs cannot be linked or read",
  );
  return keys;
}

function parseKeyFile(text: string, file: string): NikKeys {
  let json: { hmac?: string; encryption?: string };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    // JSON.parse's own message quotes the text around the error: that would be key material.
    throw new Error(`${file}: not a valid NIK key file`);
  }
  const hmac = typeof json?.hmac === "string" ? decodeKey(json.hmac) : null;
  const encryption = typeof json?.encryption === "string" ? decodeKey(json.encryption) : null;
  if (!hmac || !encryption) throw new Error(`${file}: not a valid NIK key file`);
  return { hmac, encryption };
}
