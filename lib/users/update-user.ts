import { and, eq } from "drizzle-orm";
import { users } from "@/db/schema/users";
import { rollUpRegion } from "@/lib/regions/reach";
import { writeAudit } from "@/lib/audit/write";
import { type Ctx, requirePermission } from "@/lib/auth/context";
import { hashPassword } from "@/lib/auth/password";
import { ConflictError, NotFoundError, parseInput, ValidationError } from "@/lib/errors";
import { assertAgencyInRegion } from "@/lib/agencies/assert-agency";
import { publicUser } from "./actor";
import { updateUserInput } from "./schemas";

/** Changes a user's name, role, agency, password or active flag. An admin cannot lock themselves out. */
export async function updateUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  const actor = requirePermission(ctx, "user.manage");
  const data = parseInput(updateUserInput, input);
  if (data.id === actor.id && (data.active === false || (data.role && data.role !== "admin"))) {
    throw new ConflictError("cannot_demote_self");
  }
  const passwordHash = data.password ? await hashPassword(data.password) : undefined;
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, data.id), eq(users.regionCode, actor.regionCode)))
      .limit(1);
    if (!before) throw new NotFoundError("user");
    const role = data.role ?? before.role;
    // The region's accounts stay the region's: a province or national account is created as one.
    if (rollUpRegion(role, before.regionCode) !== before.regionCode)
      throw ValidationError.field("role", "v.userRegion");
    const agencyId = data.agencyId !== undefined ? data.agencyId : before.agencyId;
    if (role === "agency" && !agencyId) {
      throw ValidationError.field("agencyId", "v.agencyRequired");
    }
    if (agencyId && agencyId !== before.agencyId) await assertAgencyInRegion(tx, agencyId, actor.regionCode);
    const [after] = await tx
      .update(users)
      .set({
        name: data.name ?? before.name,
        role,
        agencyId,
        active: data.active ?? before.active,
        ...(passwordHash ? { passwordHash } : {}),
        // A new password, another role or disabling ends the user's open sessions.
        sessionVersion:
          passwordHash || role !== before.role || (data.active === false && before.active)
            ? before.sessionVersion + 1
            : before.sessionVersion,
        updatedAt: new Date(),
      })
      .where(eq(users.id, before.id))
      .returning();
    await writeAudit(
      tx,
      actor,
      {
        action: passwordHash ? "user.update_password" : "user.update",
        entity: "user",
        entityId: after.id,
        before: publicUser(before),
        after: publicUser(after),
      },
      ctx.requestId,
    );
    return publicUser(after);
  });
}
