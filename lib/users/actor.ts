import { eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db/client";
import { users } from "@/db/schema/users";
import type { Actor, ActorKind } from "@/lib/auth/context";

export type UserRow = typeof users.$inferSelect;

export function actorFromUser(user: UserRow, kind: ActorKind = "user"): Actor {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    agencyId: user.agencyId,
    regionCode: user.regionCode,
    kind,
  };
}

/**
 * The signed-in user as stored now: a disabled account or a changed role takes effect at once. A
 * session cookie names the session version it was issued under; once sign-out, a password or role
 * change or disabling has bumped it, that cookie no longer signs anyone in.
 */
export async function loadActiveActor(
  db: Db,
  userId: string,
  kind: ActorKind = "user",
  sessionVersion?: unknown,
): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  if (!user || !user.active) return null;
  if (kind === "user" && (sessionVersion ?? 0) !== user.sessionVersion) return null;
  return actorFromUser(user, kind);
}

/** Ends every session of a user (their cookies carry the old version). Inside the caller's transaction. */
export async function endSessions(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

export function publicUser(user: UserRow) {
  const { passwordHash: _omit, sessionVersion: _internal, ...rest } = user;
  return rest;
}
