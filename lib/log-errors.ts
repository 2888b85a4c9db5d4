/**
 * What of an error may reach a log. A database error carries the failed statement and its
 * parameters (drizzle's "Failed query: … params: …") and PostgreSQL's message may quote the value
 * it choked on: either can hold a NIK's HMAC, ciphertexts, a birth date. So a database error is
 * logged by its SQLSTATE code, constraint, table and column only. Other errors keep their name,
 * message and stack, with any 16-digit run replaced.
 */
const SQLSTATE = /^[0-9A-Z]{5}$/;
const NIK_LIKE = /\d{16}/g;

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  table?: unknown;
  table_name?: unknown;
  column?: unknown;
  column_name?: unknown;
  cause?: unknown;
}

/** The first error in the `cause` chain that a database driver raised, if any. */
function databaseCause(error: ErrorLike): ErrorLike | null {
  for (let e: ErrorLike | undefined = error, depth = 0; e && depth < 5; e = e.cause as ErrorLike | undefined, depth++) {
    if (typeof e.code === "string" && SQLSTATE.test(e.code)) return e;
  }
  return null;
}

const isQueryWrapper = (error: ErrorLike) =>
  error.name === "DrizzleQueryError" ||
  (typeof error.message === "string" && error.message.startsWith("Failed query:"));

export function safeError(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== "object") return { message: String(value).replace(NIK_LIKE, "[NIK]") };
  const error = value as ErrorLike;
  const db = databaseCause(error);
  if (db || isQueryWrapper(error)) {
    return {
      type: "database",
      name: typeof error.name === "string" ? error.name : "Error",
      code: db?.code ?? null,
      constraint: db?.constraint ?? db?.constraint_name ?? null,
      table: db?.table ?? db?.table_name ?? null,
      column: db?.column ?? db?.column_name ?? null,
    };
  }
  const text = (v: unknown) => (typeof v === "string" ? v.replace(NIK_LIKE, "[NIK]") : undefined);
  return {
    type: typeof error.name === "string" ? error.name : "Error",
    message: text(error.message),
    stack: text(error.stack),
    ...(error.cause ? { cause: safeError(error.cause) } : {}),
  };
}
