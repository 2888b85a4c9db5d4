import { testDatabases } from "@/tests/helpers/databases";

/** `describe.each` rows whose first column is the database name, so "%s" prints it. */
export function databaseCases() {
  return testDatabases().map((d) => [d.name, d] as const);
}

/** The error a promise (or function) rejects with; fails the test when it does not reject. */
export async function caught(run: Promise<unknown> | (() => unknown)): Promise<unknown> {
  try {
    await (typeof run === "function" ? run() : run);
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection, but it resolved");
}

/** An error's message with the messages of its causes (drizzle wraps driver errors as `cause`). */
export function errorText(error: unknown): string {
  const parts: string[] = [];
  for (
    let e = error as { message?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 5;
    e = e.cause as typeof e, i++
  ) {
    parts.push(String(e.message ?? e));
  }
  return parts.join(" <- ");
}
