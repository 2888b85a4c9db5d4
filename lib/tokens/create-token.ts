import { and, eq } from "drizzle-orm";
import { apiTokens } from "@/db/schema/api-tokens";
import { users } from "@/db/schema/users";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput, ValidationError } from "@/lib/errors";
import { createTokenInput } from "./schemas";
import { generateToken, hashToken } from "./token-secret";

/** Creates a token that acts as the given user. The token itself is returned once and never stored. */
export async function createToken({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "token.manage");
  const data = parseInput(createTokenInput, input);
  const token = generateToken();
  return ctx.db.transaction(async (tx) => {
    const [owner] = await tx
      .select()
      .from(users)
      .where(and(eq(users.email, data.email), eq(users.regionCode, actor.regionCode)))
      .limit(1);
    if (!owner || !owner.active) {
      throw ValidationError.field("email", "v.tokenUser");
    }
    const expiresAt = data.expiresInDays ? new Date(Date.now() + data.expiresInDays * 86_400_000) : null;
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId: owner.id,
        name: data.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        createdBy: actor.id,
        expiresAt,
      })
      .returning();
    await writeAudit(
      tx,
      actor,
      { action: "token.create", entity: "api_token", entityId: row.id, after: row },
      ctx.requestId,
    );
    return { token, id: row.id, name: row.name, prefix: row.prefix, userEmail: owner.email, expiresAt };
  });
}
