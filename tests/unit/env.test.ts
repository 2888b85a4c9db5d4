import { describe, expect, it } from "vitest";
import { EnvError, parseEnv, shouldSeedDemo } from "@/lib/config/env";

const SECRET = "x".repeat(40);
const KEY = Buffer.alloc(32, 7).toString("base64");
const PROD = {
  NODE_ENV: "production",
  DATABASE_URL: "postgres://db/app",
  AUTH_SECRET: SECRET,
  NIK_HMAC_KEY: KEY,
  NIK_ENCRYPTION_KEY: KEY,
};

describe("environment validation", () => {
  it("gives embedded defaults with nothing set", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.DATA_DIR).toBe("./data");
    expect(env.DEMO_PASSWORD).toBe("inovasi-demo");
    expect(env.REGION_CODE).toBe("18.11");
    expect(shouldSeedDemo(env)).toBe(true);
  });

  it("refuses production with a server database but no AUTH_SECRET, naming the variable", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://db/app" })).toThrowError(
      /AUTH_SECRET: is required/,
    );
    expect(() => parseEnv(PROD)).not.toThrow();
  });

  it("refuses production with a server database but no NIK keys, naming each", () => {
    const { NIK_HMAC_KEY: _h, NIK_ENCRYPTION_KEY: _e, ...withoutKeys } = PROD;
    let message = "";
    try {
      parseEnv(withoutKeys);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("NIK_HMAC_KEY: is required");
    expect(message).toContain("NIK_ENCRYPTION_KEY: is required");
    expect(() => parseEnv({ ...PROD, NIK_HMAC_KEY: "too-short" })).toThrowError(/NIK_HMAC_KEY: must be 32 bytes/);
  });

  it("does not seed demo data on a server database unless asked", () => {
    const prod = parseEnv(PROD);
    expect(shouldSeedDemo(prod)).toBe(false);
    expect(shouldSeedDemo({ ...prod, SEED_DEMO: true })).toBe(true);
    expect(shouldSeedDemo(parseEnv({ SEED_DEMO: "0" }))).toBe(false);
  });

  it("never seeds demo accounts in production, even embedded, unless SEED_DEMO=1 is explicit", () => {
    expect(shouldSeedDemo(parseEnv({ NODE_ENV: "production" }))).toBe(false);
    expect(shouldSeedDemo(parseEnv({ NODE_ENV: "production", SEED_DEMO: "1" }))).toBe(true);
    expect(shouldSeedDemo(parseEnv({ NODE_ENV: "development" }))).toBe(true);
  });

  it("lists every wrong variable in one message", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://x", PORT: "99999", REGION_CODE: "1811", AUTH_SECRET: "short" });
    } catch (e) {
      expect(e).toBeInstanceOf(EnvError);
      message = (e as Error).message;
    }
    expect(message).toContain("DATABASE_URL: must start with postgres://");
    expect(message).toContain("PORT:");
    expect(message).toContain("REGION_CODE: must be a kabupaten/kota code");
    expect(message).toContain("AUTH_SECRET: must be at least 32 characters");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});
