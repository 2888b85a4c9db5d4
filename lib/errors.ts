import type { z } from "zod";

/**
 * Errors a person may see. `code` is stable (API clients match on it); the text comes from the
 * messages files under `errors.<code>` so it is in the reader's language.
 */
export class AppError extends Error {
  /** Extra machine-readable fields of the error body (e.g. the headers a file had), if any. */
  details?: Record<string, unknown>;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "AppError";
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super(401, "unauthenticated");
  }
}

export class ForbiddenError extends AppError {
  constructor(code = "forbidden") {
    super(403, code);
  }
}

export class NotFoundError extends AppError {
  constructor(entity: string) {
    super(404, "not_found", { entity });
  }
}

export class ConflictError extends AppError {
  constructor(code: string, params: Record<string, string | number> = {}) {
    super(409, code, params);
  }
}

/**
 * Stored ciphertext that the server's current key cannot open: the key was changed or lost. An
 * operator's problem, not the caller's; says so without a word of the data.
 */
export class EncryptionKeyError extends AppError {
  constructor() {
    super(500, "encryption_key_mismatch");
  }
}

export class ValidationError extends AppError {
  constructor(readonly issues: z.core.$ZodIssue[]) {
    super(422, "validation_failed");
  }

  /** One problem with one field (no field: the whole input), worded by its `v.*` message key. */
  static field(field: string | null, message: string): ValidationError {
    return new ValidationError([{ code: "custom", path: field === null ? [] : [field], message, input: undefined }]);
  }
}

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(result.error.issues);
  return result.data;
}

/** PostgreSQL's unique_violation (23505), as raised by postgres.js or PGlite, possibly wrapped by drizzle. */
export function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error as { code?: string; cause?: unknown } | undefined, i = 0;
    e && i < 5;
    e = e.cause as typeof e, i++
  ) {
    if (e.code === "23505") return true;
  }
  return false;
}
