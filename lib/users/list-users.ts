import { asc, eq } from "drizzle-orm";
import { agencies } from "@/db/schema/agencies";
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
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.regionCode, actor.regionCode))
    .orderBy(asc(users.email))
    .limit(1000);
}
