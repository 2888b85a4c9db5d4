import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/users";
import { writeAudit } from "@/lib/audit/write";
import { dummyPasswordHash, verifyPassword } from "@/lib/auth/password";
import { requestLogger } from "@/lib/log";
import { actorFromUser, type UserRow } from "./actor";
import { accountKey, clearKey, countFailure, ipKey, lockedFor, THROTTLE } from "./login-throttle";
import { emailSchema } from "./schemas";

export type LoginFailure = "unknown_email" | "wrong_password" | "disabled" | "invalid_input" | "locked";

/**
 * Checks an email and password. Every failure looks the same to the caller (one message for the
 * person); the reason goes to the log, without the password.
 */
export async function verifyLogin(
  db: Db,
  rawEmail: unknown,
  password: unknown,
  requestId?: string,
  clientIp?: string | null,
): Promise<{ ok: true; user: UserRow } | { ok: false; reason: LoginFailure; retryAfterSeconds?: number }> {
  const log = requestLogger(requestId);
  const email = emailSchema.safeParse(rawEmail);
  if (!email.success || typeof password !== "string" || password.length === 0 || password.length > 200) {
    log.info({ event: "login_failed", reason: "invalid_input" }, "login failed");
    return { ok: false, reason: "invalid_input" };
  }
  // Locked (too many failures for this account or from this address): no password is even checked.
  const keys = [accountKey(email.data), ...(clientIp ? [ipKey(clientIp)] : [])];
  const retryAfterSeconds = await lockedFor(db, keys);
  if (retryAfterSeconds > 0) {
    log.info({ event: "login_failed", email: email.data, reason: "locked" }, "login failed");
    return { ok: false, reason: "locked", retryAfterSeconds };
  }
  const [user] = await db.select().from(users).where(eq(users.email, email.data)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const reason: LoginFailure | null = !user
    ? "unknown_email"
    : !valid
      ? "wrong_password"
      : !user.active
        ? "disabled"
        : null;
  if (reason || !user) {
    log.info({ event: "login_failed", email: email.data, reason }, "login failed");
    await countFailures(db, email.data, clientIp ?? null, user ?? null, requestId);
    return { ok: false, reason: reason ?? "unknown_email" };
  }
  await clearKey(db, accountKey(email.data));
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await writeAudit(tx, actorFromUser(user), { action: "user.login", entity: "user", entityId: user.id }, requestId);
  });
  log.info({ event: "login", userId: user.id, role: user.role }, "login");
  return { ok: true, user };
}

/** Counts a failed sign-in per account and per address; a lock that starts now is audited. */
async function countFailures(db: Db, email: string, clientIp: string | null, user: UserRow | null, requestId?: string) {
  const lockedAccount = await countFailure(db, accountKey(email), THROTTLE.account);
  const lockedIp = clientIp ? await countFailure(db, ipKey(clientIp), THROTTLE.ip) : false;
  if (!lockedAccount && !lockedIp) return;
  requestLogger(requestId).warn(
    { event: "login_locked", account: lockedAccount, ip: lockedIp },
    "sign-in locked after repeated failures",
  );
  const after = {
    account: lockedAccount ? email : null,
    ip: lockedIp ? clientIp : null,
    minutes: THROTTLE.account.lockSeconds / 60,
  };
  await writeAudit(
    db,
    user ? actorFromUser(user) : null,
    { action: "user.login.locked", entity: "user", entityId: user?.id ?? null, after },
    requestId,
  );
}
