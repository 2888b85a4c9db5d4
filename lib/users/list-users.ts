import { and, asc, eq, gt, sql } from "drizzle-orm";
import { agencies } from "@/db/schema/agencies";
import { loginThrottle } from "@/db/schema/login-throttle";
import { users } from "@/db/schema/users";
import { type Ctx, requirePermission } from "@/lib/auth/context";

export async function listUsers({ ctx }: { ctx: Ctx }) {
  const actor = requirePermission(ctx, "user.manage");
  return ctx.db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      active: users.active,
      agencyId: users.agencyId,
      agencyName: agencies.shortName,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
      /** Until when sign-in is locked after too many wrong passwords (login-throttle.ts); null when it is not. */
      lockedUntil: loginThrottle.lockedUntil,
    })
    .from(users)
    .leftJoin(agencies, and(eq(agencies.regionCode, users.regionCode), eq(agencies.id, users.agencyId)))
    .leftJoin(
      loginThrottle,
      and(eq(loginThrottle.key, sql`'account:' || ${users.email}`), gt(loginThrottle.lockedUntil, sql`now()`)),
    )
    .where(eq(users.regionCode, actor.regionCode))
    .orderBy(asc(users.email))
    .limit(1000);
}
