import pino from "pino";
import { env } from "@/lib/config/env";
import { safeError } from "@/lib/log-errors";

const NIK_LIKE = /\b\d{16}\b/g;
const scrub = (value: unknown) => (typeof value === "string" ? value.replace(NIK_LIKE, "[NIK]") : value);

/**
 * Structured logs. Secrets are redacted by key, any 16-digit run in a message is replaced, and an
 * error is reduced by safeError (a database error to its code and constraint, never the statement's
 * parameters), so a NIK that slips into a string or a query still never reaches the log.
 */
function loggerOptions(level: string): pino.LoggerOptions {
  return {
    level,
    base: { app: "inovasi-daerah" },
    serializers: { err: safeError, error: safeError },
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
  };
}

/** A logger with the app's redaction; tests pass a destination to read what would be written. */
export function createLogger(destination?: pino.DestinationStream, level = process.env.LOG_LEVEL ?? env().LOG_LEVEL) {
  return destination ? pino(loggerOptions(level), destination) : pino(loggerOptions(level));
}

export const logger = createLogger();

export function requestLogger(requestId: string | undefined) {
  return requestId ? logger.child({ requestId }) : logger;
}
