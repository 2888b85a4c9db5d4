import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { vi } from "vitest";

type NikKeysModule = typeof import("@/lib/crypto/nik-keys");

/**
 * Runs `body` with lib/crypto/nik-keys loaded afresh over an empty temporary DATA_DIR and no NIK
 * keys in the environment, so the key file in that directory is what it reads or generates. The
 * environment is restored and the directory removed afterwards, whatever happens.
 */
export async function withKeyFileDir(
  prefix: string,
  body: (dir: string, keys: NikKeysModule) => Promise<void> | void,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  try {
    vi.resetModules();
    vi.stubEnv("DATA_DIR", dir);
    vi.stubEnv("NIK_HMAC_KEY", "");
    vi.stubEnv("NIK_ENCRYPTION_KEY", "");
    const fresh: NikKeysModule = await import("@/lib/crypto/nik-keys");
    fresh.setNikKeys(null);
    await body(dir, fresh);
  } finally {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
