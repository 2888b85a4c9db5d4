import { z } from "zod";
import { decodeKey } from "@/lib/crypto/field-crypto";

/**
 * Every environment variable the app reads, validated once. A wrong value stops the app with a
 * message naming the variable and what is expected.
 */
const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => (v === undefined || v === "" ? undefined : v === "1" || v === "true"));

/** A 32-byte key as 64 hex digits or base64; an empty value counts as unset. */
const nikKey = z
  .string()
  .refine((v) => v === "" || decodeKey(v) !== null, "must be 32 bytes as base64 or hex (openssl rand -base64 32)")
  .optional()
  .transform((v) => (v ? v : undefined));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional()
      .or(z.literal("").transform(() => undefined)),
    DATA_DIR: z.string().min(1).default("./data"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 33)").optional(),
    SEED_DEMO: flag,
    DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").default("inovasi-demo"),
    REGION_CODE: z
      .string()
      .regex(/^\d{2}\.\d{2}$/, "must be a kabupaten/kota code such as 18.11")
      .default("18.11"),
    /** "region": the big regional tables partitioned by region_code on a PostgreSQL server (docs/scaling.md). */
    DB_PARTITIONING: z.enum(["none", "region"]).default("none"),
    SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(8),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // Beneficiary data: keys for the NIK's HMAC and for AES-256-GCM of NIK and name.
    NIK_HMAC_KEY: nikKey,
    NIK_ENCRYPTION_KEY: nikKey,
    EVIDENCE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1, "must be a positive number of bytes")
      .default(10 * 1024 * 1024),
    // Largest beneficiary import upload; bodies stream to the import (or an encrypted spool file).
    IMPORT_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1, "must be a positive number of bytes")
      .default(200 * 1024 * 1024),
    // An XLSX may inflate to far more than its upload size (lib/files/xlsx-guard.ts): limits on what
    // it inflates to, on its shared-strings table (held in memory by the reader) and its texts.
    XLSX_MAX_UNCOMPRESSED_BYTES: z.coerce
      .number()
      .int()
      .min(1, "must be a positive number of bytes")
      .default(1024 * 1024 * 1024),
    XLSX_MAX_SHARED_STRINGS_BYTES: z.coerce
      .number()
      .int()
      .min(1, "must be a positive number of bytes")
      .default(64 * 1024 * 1024),
    XLSX_MAX_SHARED_STRINGS: z.coerce.number().int().min(1, "must be a positive number").default(500_000),
    // Requests a minute per API token (0: no limit); beyond it the API answers 429 with Retry-After.
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0, "must be 0 (no limit) or a positive number").default(600),
    // Largest submission package the verify page accepts; it is spooled to a temporary file, not held in memory.
    VERIFY_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1, "must be a positive number of bytes")
      .default(4 * 1024 * 1024 * 1024),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is required in production with DATABASE_URL (generate one: openssl rand -base64 33)",
      });
    }
    // Same rule as AUTH_SECRET: a server deployment must not silently invent keys that a second
    // instance would not share; embedded mode generates them into DATA_DIR (lib/crypto/nik-keys.ts).
    for (const key of ["NIK_HMAC_KEY", "NIK_ENCRYPTION_KEY"] as const) {
      if (env.NODE_ENV === "production" && env.DATABASE_URL && !env[key]) {
        ctx.addIssue({
          code: "custom",
          path: [key],
          message: "is required in production with DATABASE_URL (generate one: openssl rand -base64 32)",
        });
      }
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee README.md, section "Configuration".`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const isEmbedded = () => !env().DATABASE_URL;

/**
 * Demo data (accounts with a published password) is seeded in embedded mode, or when asked with
 * SEED_DEMO=1; SEED_DEMO=0 always wins. With NODE_ENV=production only an explicit SEED_DEMO=1 seeds
 * (`npm start` sets SEED_DEMO=1 itself for a newcomer's embedded demo unless NODE_ENV was given).
 */
export function shouldSeedDemo(e: Env = env()): boolean {
  if (e.SEED_DEMO !== undefined) return e.SEED_DEMO;
  if (e.NODE_ENV === "production") return false;
  return !e.DATABASE_URL;
}
