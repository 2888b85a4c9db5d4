import { desc, eq } from "drizzle-orm";
import { apiTokens } from "@/db/schema/api-tokens";
import { users } from "@/db/schema/users";
import { type Ctx, requirePermission } from "@/lib/auth/context";

export async function listTokens({ ctx }: { ctx: Ctx }) {
  const actor = requirePermission(ctx, "token.manage");
  return ctx.db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      userEmail: users.email,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      expiresAt: apiTokens.expiresAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(users.regionCode, actor.regionCode))
    .orderBy(desc(apiTokens.createdAt))
    .limit(500);
}
