import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/users";
import { writeAudit } from "@/lib/audit/write";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { requestLogger } from "@/lib/log";
import { actorFromUser, type UserRow } from "./actor";
import { emailSchema } from "./schemas";

export type LoginFailure = "unknown_email" | "wrong_password" | "disabled" | "invalid_input";

/**
 * Checks an email and password. Every failure looks the same to the caller (one message for the
 * person); the reason goes to the log, without the password.
 */
export async function verifyLogin(
  db: Db,
  rawEmail: unknown,
  password: unknown,
  requestId?: string,
): Promise<{ ok: true; user: UserRow } | { ok: false; reason: LoginFailure }> {
  const log = requestLogger(requestId);
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success || typeof password !== "string" || password.length === 0 || password.length > 200) {
    log.info({ event: "login_failed", reason: "invalid_input" }, "login failed");
    return { ok: false, reason: "invalid_input" };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email.data)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const reason: LoginFailure | null = !user ? "unknown_email" : !valid ? "wrong_password" : !user.active ? "disabled" : null;
  if (reason || !user) {
    log.info({ event: "login_failed", email: email.data, reason }, "login failed");
    return { ok: false, reason: reason ?? "unknown_email" };
  }
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await writeAudit(tx, actorFromUser(user), { action: "user.login", entity: "user", entityId: user.id }, requestId);
  });
  log.info({ event: "login", userId: user.id, role: user.role }, "login");
  return { ok: true, user };
}
