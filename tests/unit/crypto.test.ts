import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/config/env";
import {
  DecryptError,
  decodeKey,
  decryptField,
  encryptField,
  generateNikKeys,
  hashNik,
  nikKeys,
  setNikKeys,
} from "@/lib/crypto";
import { withKeyFileDir } from "@/tests/helpers/nik-key-file";

const NIK = "1811014501900001";
const keys = generateNikKeys();
const SECRET = "x".repeat(40);

describe("NIK hashing (HMAC-SHA-256)", () => {
  it("gives the same hash for the same NIK and key, and 64 hex digits without the NIK", () => {
    const a = hashNik(NIK, keys);
    expect(a).toBe(hashNik(NIK, keys));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain(NIK);
  });

  it("gives a different hash under a different key and for a different NIK", () => {
    expect(hashNik(NIK, keys)).not.toBe(hashNik(NIK, generateNikKeys()));
    expect(hashNik(NIK, keys)).not.toBe(hashNik("1811014501900002", keys));
  });
});

describe("field encryption (AES-256-GCM)", () => {
  it("round-trips any text, with a fresh IV each time", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        const a = encryptField(text, "name", keys);
        expect(a).toMatch(/^v1:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]*$/);
        expect(decryptField(a, "name", keys)).toBe(text);
      }),
    );
    expect(encryptField(NIK, "nik", keys)).not.toBe(encryptField(NIK, "nik", keys));
    expect(encryptField(NIK, "nik", keys)).not.toContain(NIK);
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const token = encryptField("Siti Aminah", "name", keys);
    const [v, iv, tag, ct] = token.split(":");
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, "base64");
      bytes[0] ^= 1;
      return bytes.toString("base64");
    };
    for (const bad of [
      `${v}:${iv}:${tag}:${flip(ct)}`,
      `${v}:${iv}:${flip(tag)}:${ct}`,
      `${v}:${flip(iv)}:${tag}:${ct}`,
    ]) {
      expect(() => decryptField(bad, "name", keys)).toThrow(DecryptError);
    }
    expect(() => decryptField("v2:" + token.slice(3), "name", keys)).toThrow(DecryptError);
    expect(() => decryptField("garbage", "name", keys)).toThrow(DecryptError);
  });

  it("refuses a value decrypted under another key or for another purpose", () => {
    const token = encryptField(NIK, "nik", keys);
    expect(() => decryptField(token, "nik", generateNikKeys())).toThrow(DecryptError);
    expect(() => decryptField(token, "name", keys)).toThrow(DecryptError);
  });

  it("never puts the plaintext in the error", () => {
    const token = encryptField(NIK, "nik", keys);
    try {
      decryptField(token, "nik", generateNikKeys());
    } catch (e) {
      expect(String((e as Error).message)).not.toContain(NIK);
    }
  });
});

describe("keys", () => {
  afterEach(() => setNikKeys(null));

  it("accepts 32 bytes as hex or base64 (standard or URL-safe), nothing else", () => {
    const raw = Buffer.alloc(32, 7);
    expect(decodeKey(raw.toString("hex"))).toEqual(raw);
    expect(decodeKey(raw.toString("base64"))).toEqual(raw);
    expect(decodeKey(raw.toString("base64url"))).toEqual(raw);
    expect(decodeKey(Buffer.alloc(31).toString("base64"))).toBeNull();
    expect(decodeKey("not a key")).toBeNull();
  });

  it("are required in production with DATABASE_URL and validated everywhere", () => {
    const prod = { NODE_ENV: "production", DATABASE_URL: "postgres://db/app", AUTH_SECRET: SECRET };
    expect(() => parseEnv(prod)).toThrowError(/NIK_HMAC_KEY: is required[\s\S]*NIK_ENCRYPTION_KEY: is required/);
    const k = Buffer.alloc(32, 1).toString("base64");
    expect(() => parseEnv({ ...prod, NIK_HMAC_KEY: k, NIK_ENCRYPTION_KEY: k })).not.toThrow();
    expect(() => parseEnv({ NIK_HMAC_KEY: "short" })).toThrowError(/NIK_HMAC_KEY: must be 32 bytes/);
    expect(parseEnv({ NIK_HMAC_KEY: "" }).NIK_HMAC_KEY).toBeUndefined();
  });

  it("can be set explicitly (tests, benchmark) and are then used by default", () => {
    setNikKeys(keys);
    expect(nikKeys()).toBe(keys);
    expect(hashNik(NIK)).toBe(hashNik(NIK, keys));
  });

  it("are generated once into DATA_DIR with owner-only permissions when not configured", async () => {
    await withKeyFileDir("nik-keys-", (dir, fresh) => {
      const first = fresh.nikKeys();
      const file = path.join(dir, "nik-keys.json");
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      fresh.setNikKeys(null);
      expect(fresh.nikKeys().hmac.equals(first.hmac)).toBe(true);
    });
  });
});
