import { type Ctx, requirePermission } from "@/lib/auth/context";
import { ANONYMOUS_PERMISSIONS, type Permission } from "@/lib/auth/permissions";
import { env } from "@/lib/config/env";
import { UnauthenticatedError } from "@/lib/errors";

/**
 * The public read path. A visitor without an account (ctx.actor null) holds only the
 * ANONYMOUS_PERMISSIONS; a signed-in caller is checked like everywhere else. Either way the gallery
 * shows the regency this deployment serves (REGION_CODE), never one picked by the request.
 */
export function requirePublicPermission(ctx: Ctx, permission: Permission): { regionCode: string } {
  if (!ctx.actor) {
    if (!ANONYMOUS_PERMISSIONS.includes(permission)) throw new UnauthenticatedError();
    return { regionCode: env().REGION_CODE };
  }
  requirePermission(ctx, permission);
  return { regionCode: env().REGION_CODE };
}
