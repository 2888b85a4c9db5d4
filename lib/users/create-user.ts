import { eq } from "drizzle-orm";
import { assertAgencyInRegion } from "@/lib/agencies/assert-agency";
import { users } from "@/db/schema/users";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, isUniqueViolation, parseInput } from "@/lib/errors";
import { publicUser } from "./actor";
import { userRegionCode } from "./region";
import { createUserInput } from "./schemas";

export async function createUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "user.manage");
  const data = parseInput(createUserInput, input);
  const passwordHash = await hashPassword(data.password);
  const run = () =>
    ctx.db.transaction(async (tx) => {
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).limit(1);
      if (taken) throw new ConflictError("email_taken", { email: data.email });
      if (data.agencyId) await assertAgencyInRegion(tx, data.agencyId, actor.regionCode);
      const regionCode = await userRegionCode(tx, actor.regionCode, data.role, data.regionCode);
      const [user] = await tx
        .insert(users)
        .values({
          regionCode,
          email: data.email,
          name: data.name,
          role: data.role,
          agencyId: data.agencyId ?? null,
          passwordHash,
        })
        .returning();
      await writeAudit(
        tx,
        actor,
        { action: "user.create", entity: "user", entityId: user.id, after: user },
        ctx.requestId,
      );
      return publicUser(user);
    });
  try {
    return await run();
  } catch (error) {
    // Two requests for the same email can both pass the check above; the unique index decides.
    if (isUniqueViolation(error)) throw new ConflictError("email_taken", { email: data.email });
    throw error;
  }
}
