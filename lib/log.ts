import pino from "pino";
import { env } from "@/lib/config/env";

const NIK_LIKE = /\b\d{16}\b/g;
const scrub = (value: unknown) => (typeof value === "string" ? value.replace(NIK_LIKE, "[NIK]") : value);

/**
 * Structured logs. Secrets are redacted by key, and any 16-digit run in a message is replaced, so
 * a NIK that slips into a string still never reaches the log.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? env().LOG_LEVEL,
  base: { app: "inovasi-daerah" },
  redact: {
    paths: [
      "password",
      "*.password",
      "token",
      "*.token",
      "nik",
      "*.nik",
      "authorization",
      "*.authorization",
      "cookie",
      "*.cookie",
      "headers.authorization",
      "headers.cookie",
    ],
    censor: "[redacted]",
  },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map(scrub) as Parameters<typeof method>);
    },
  },
});

export function requestLogger(requestId: string | undefined) {
  return requestId ? logger.child({ requestId }) : logger;
}
