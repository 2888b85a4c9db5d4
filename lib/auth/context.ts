import type { Db } from "@/db/client";
import type { Role } from "@/db/schema/users";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";
import { AGENCY_SCOPED_ROLES, type Permission, roleHas } from "./permissions";

export type ActorKind = "user" | "token" | "cli" | "system";

export interface Actor {
  id: string;
  email: string;
  name: string;
  role: Role;
  agencyId: string | null;
  regionCode: string;
  kind: ActorKind;
}

/** What every lib function receives: the database, who is asking, and the request id for logs. */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  requestId?: string;
}

export interface ScopedResource {
  agencyId?: string | null;
  regionCode?: string | null;
}

/**
 * The one permission check, used by every server action, route handler and page. A resource, when
 * given, must sit in the actor's region, and for agency staff in their own agency.
 */
export function requirePermission(ctx: Ctx, permission: Permission, resource?: ScopedResource): Actor {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  if (!roleHas(actor.role, permission)) throw new ForbiddenError();
  if (resource) {
    if (resource.regionCode && resource.regionCode !== actor.regionCode) throw new ForbiddenError();
    if (AGENCY_SCOPED_ROLES.includes(actor.role) && resource.agencyId !== undefined) {
      if (!actor.agencyId || resource.agencyId !== actor.agencyId) throw new ForbiddenError("forbidden_other_agency");
    }
  }
  return actor;
}

export function can(ctx: Ctx, permission: Permission, resource?: ScopedResource): boolean {
  try {
    requirePermission(ctx, permission, resource);
    return true;
  } catch {
    return false;
  }
}
