import type { Actor, Ctx } from "@/lib/auth/context";
import { writeAudit } from "@/lib/audit/write";
import { endSessions } from "./actor";

/** The one rule of sign-out: any signed-in person may end their own sessions; tokens and the CLI have none. */
function signedInUser(ctx: Ctx): Actor | null {
  return ctx.actor?.kind === "user" ? ctx.actor : null;
}

/** Sign-out: every session of the caller ends (not only this browser's cookie), audited. */
export async function endSessionsOfCaller(ctx: Ctx): Promise<void> {
  const actor = signedInUser(ctx);
  if (!actor) return;
  await ctx.db.transaction(async (tx) => {
    await endSessions(tx, actor.id);
    await writeAudit(tx, actor, { action: "user.logout", entity: "user", entityId: actor.id }, ctx.requestId);
  });
}
