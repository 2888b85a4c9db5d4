import type { Ctx } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit/write";
import { endSessions } from "./actor";

/** Sign-out: every session of the caller ends (not only this browser's cookie), audited. */
export async function endSessionsOfCaller(ctx: Ctx): Promise<void> {
  const actor = ctx.actor;
  if (!actor || actor.kind !== "user") return;
  await ctx.db.transaction(async (tx) => {
    await endSessions(tx, actor.id);
    await writeAudit(tx, actor, { action: "user.logout", entity: "user", entityId: actor.id }, ctx.requestId);
  });
}
