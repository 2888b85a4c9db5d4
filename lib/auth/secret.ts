import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";

/**
 * AUTH_SECRET from the environment; otherwise (embedded mode, or development) one generated once
 * into DATA_DIR so sessions survive restarts. Production with DATABASE_URL refuses to start
 * without it (see lib/config/env.ts).
 */
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  const file = path.join(e.DATA_DIR, "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    fs.mkdirSync(e.DATA_DIR, { recursive: true });
    const secret = randomBytes(33).toString("base64");
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    logger.warn({ file }, "AUTH_SECRET not set: generated one into the data directory");
    return secret;
  }
}
