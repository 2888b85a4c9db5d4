import "server-only";
import { headers } from "next/headers";
import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { appDb } from "@/lib/db-bootstrap";
import { ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import { loadActiveActor } from "@/lib/users/actor";
import { auth, sessionVersionOf } from "./auth";
import { setForbiddenReason } from "./forbidden-reason";
import { type Ctx, requirePermission, type ScopedResource } from "./context";
import type { Permission } from "./permissions";

/**
 * The context of the current page or server action: the signed-in user (reloaded) or none.
 * Memoised per request (React `cache`), so the layout and the page load the user once.
 */
export const getRequestContext = cache(async (): Promise<Ctx> => {
  const [db, session, h] = await Promise.all([appDb(), auth(), headers()]);
  const requestId = h.get("x-request-id") ?? undefined;
  const userId = session?.user?.id;
  const actor = userId ? await loadActiveActor(db, userId, "user", sessionVersionOf(session)) : null;
  return { db, actor, requestId };
});

/**
 * For pages: anonymous visitors go to the login page, the wrong role gets the 403 page. With the
 * owner's name, the 403 page for another agency's record says whose it is.
 */
export async function pageContext(
  permission: Permission,
  resource?: ScopedResource & { ownerName?: string },
): Promise<Ctx> {
  const ctx = await getRequestContext();
  try {
    requirePermission(ctx, permission, resource);
  } catch (e) {
    if (e instanceof UnauthenticatedError) redirect("/login");
    if (e instanceof ForbiddenError) {
      if (e.code === "forbidden_other_agency" && resource?.ownerName)
        setForbiddenReason({ code: e.code, ownerName: resource.ownerName });
      forbidden();
    }
    throw e;
  }
  return ctx;
}

/**
 * For pages: runs a lookup; a NotFoundError (a record that does not exist or is not in the
 * caller's region, a year that is no year) shows the 404 page.
 */
export async function orNotFound<T>(lookup: () => T | Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}
