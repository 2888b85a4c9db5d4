import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
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

/** The signed-in user as stored now: a disabled account or a changed role takes effect at once. */
export async function loadActiveActor(db: Db, userId: string, kind: ActorKind = "user"): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId)).limit(1);
  return user && user.active ? actorFromUser(user, kind) : null;
}

export function publicUser(user: UserRow) {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}
