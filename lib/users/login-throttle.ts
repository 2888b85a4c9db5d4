import { and, eq, gt, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { loginThrottle } from "@/db/schema/login-throttle";

/**
 * Password guessing is slowed per account and per client address: after `limit` failures within
 * the window the key is locked for `lockSeconds`, whatever password comes next (the right one
 * too). A sign-in that succeeds clears its account's count. Kept in the database, so every app
 * instance and a restart see the same counts. An administrator unlocks an account (unlock-login.ts).
 */
export const THROTTLE = {
  account: { limit: 5, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
  ip: { limit: 30, windowSeconds: 15 * 60, lockSeconds: 15 * 60 },
} as const;

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Seconds until the longest lock among the keys ends, or 0 when none is locked. */
export async function lockedFor(db: Executor, keys: string[], now = new Date()): Promise<number> {
  if (keys.length === 0) return 0;
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(and(inArray(loginThrottle.key, keys), gt(loginThrottle.lockedUntil, now)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil!.getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one failure against a key (a new window when the last one has passed); answers whether
 * this failure locked it. One statement, so concurrent failures cannot lose a count.
 */
export async function countFailure(
  db: Executor,
  key: string,
  rule: { limit: number; windowSeconds: number; lockSeconds: number },
): Promise<boolean> {
  const result = await db.execute(sql`
    insert into login_throttle as t (key, failures, window_start, locked_until)
    values (${key}, 1, now(), case when 1 >= ${rule.limit} then now() + make_interval(secs => ${rule.lockSeconds}) end)
    on conflict (key) do update set
      failures = case when t.window_start < now() - make_interval(secs => ${rule.windowSeconds}) then 1 else t.failures + 1 end,
      window_start = case when t.window_start < now() - make_interval(secs => ${rule.windowSeconds}) then now() else t.window_start end,
      locked_until = case
        when (case when t.window_start < now() - make_interval(secs => ${rule.windowSeconds}) then 1 else t.failures + 1 end) >= ${rule.limit}
          and (t.locked_until is null or t.locked_until <= now())
        then now() + make_interval(secs => ${rule.lockSeconds})
        else t.locked_until end
    returning (locked_until is not null and locked_until > now() and failures = ${rule.limit}) as locked_now`);
  const rows = Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? []);
  return Boolean((rows[0] as { locked_now?: boolean } | undefined)?.locked_now);
}

/** Forgets an account's failures and lock (a successful sign-in, an administrator's unlock). */
export async function clearKey(db: Executor, key: string): Promise<number> {
  const removed = await db
    .delete(loginThrottle)
    .where(eq(loginThrottle.key, key))
    .returning({ key: loginThrottle.key });
  return removed.length;
}
