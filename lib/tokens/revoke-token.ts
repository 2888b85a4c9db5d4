import { and, eq, isNull } from "drizzle-orm";
import { apiTokens } from "@/db/schema/api-tokens";
import { users } from "@/db/schema/users";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { NotFoundError, parseInput } from "@/lib/errors";
import { revokeTokenInput } from "./schemas";

export async function revokeToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "token.manage");
  const { id } = parseInput(revokeTokenInput, input);
  return ctx.db.transaction(async (tx) => {
    const [found] = await tx
      .select({ token: apiTokens, regionCode: users.regionCode })
      .from(apiTokens)
      .innerJoin(users, eq(users.id, apiTokens.userId))
      .where(eq(apiTokens.id, id))
      .limit(1);
    if (!found || found.regionCode !== actor.regionCode) throw new NotFoundError("api_token");
    const before = found.token;
    const [after] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning();
    if (after) {
      await writeAudit(
        tx,
        actor,
        { action: "token.revoke", entity: "api_token", entityId: id, before, after },
        ctx.requestId,
      );
    }
    return { id, revoked: true };
  });
}
