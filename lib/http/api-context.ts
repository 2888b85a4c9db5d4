import type { Db } from "@/db/client";
import type { Ctx } from "@/lib/auth/context";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { hashToken } from "@/lib/tokens/token-secret";
import { loadActiveActor } from "@/lib/users/actor";
import { requestIdFrom } from "./request-id";
import { countTokenRequest } from "./token-rate-limit";

/** Turns a request into the context its use case runs with. */
export type ContextResolver = (req: Request) => Promise<Ctx>;

/**
 * The caller of an API request: a bearer token, or else the browser session's user (reloaded, so
 * a disabled account or an ended session stops at once). The database and the session are parameters, so a test can
 * resolve callers on its own database with the same rules the app uses.
 */
export function contextResolver(sources: {
  db: () => Promise<Db>;
  sessionUser: () => Promise<{ id: string; sessionVersion: unknown } | null>;
}): ContextResolver {
  return async (req) => {
    const db = await sources.db();
    const requestId = requestIdFrom(req.headers);
    const header = req.headers.get("authorization");
    if (header?.toLowerCase().startsWith("bearer ")) {
      const token = header.slice(7).trim();
      const actor = await authenticateToken(db, token);
      if (actor) await countTokenRequest(hashToken(token));
      return { db, actor, requestId };
    }
    const user = await sources.sessionUser();
    return { db, actor: user ? await loadActiveActor(db, user.id, "user", user.sessionVersion) : null, requestId };
  };
}
