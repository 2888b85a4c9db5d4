import { z } from "zod";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { parseInput } from "@/lib/errors";
import { accountKey, clearKey } from "./login-throttle";
import { emailSchema } from "./schemas";

const unlockInput = z.object({ email: emailSchema });

/** An administrator lifts an account's sign-in lock (and forgets its failures) before it runs out. */
export async function unlockLogin({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: unknown;
}): Promise<{ email: string; wasLocked: boolean }> {
  const actor = requirePermission(ctx, "user.manage");
  const { email } = parseInput(unlockInput, input);
  return ctx.db.transaction(async (tx) => {
    const wasLocked = (await clearKey(tx, accountKey(email))) > 0;
    await writeAudit(
      tx,
      actor,
      { action: "user.login.unlock", entity: "user", after: { email, wasLocked } },
      ctx.requestId,
    );
    return { email, wasLocked };
  });
}
