import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema/users";
import { type ContextResolver, contextResolver } from "@/lib/http/api-context";

/*
 * Calls a route's exported handler the way Next does (a Request and the path parameters), with the
 * caller resolved on the test's database by the app's own rules (lib/http/api-context.ts): a
 * bearer token in the Authorization header, else the signed-in user given here.
 */

type RouteFn = (
  req: Request,
  route: { params: Promise<Record<string, string>> },
  resolve?: ContextResolver,
) => Promise<Response>;

export interface Caller {
  /** The signed-in user's email (their session), or null for nobody. */
  email: string | null;
  /** Sent as `Authorization: Bearer …` instead of a session. */
  token?: string;
}

export interface RouteCall {
  params?: Record<string, string>;
  /** Serialised as JSON unless it is FormData, a string or bytes. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Query string, e.g. "?dryRun=true". */
  query?: string;
}

export interface RouteAnswer {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
}

export function resolverFor(db: Db, caller: Caller): ContextResolver {
  return contextResolver({
    db: async () => db,
    sessionUser: async () => {
      if (!caller.email) return null;
      const [user] = await db
        .select({ id: users.id, sessionVersion: users.sessionVersion })
        .from(users)
        .where(eq(users.email, caller.email));
      if (!user) throw new Error(`no user ${caller.email}`);
      return user;
    },
  });
}

export async function callRoute(
  db: Db,
  handler: unknown,
  method: string,
  caller: Caller,
  call: RouteCall = {},
): Promise<RouteAnswer> {
  const headers = new Headers(call.headers);
  if (caller.token) headers.set("authorization", `Bearer ${caller.token}`);
  let body: BodyInit | undefined;
  if (call.body instanceof FormData || typeof call.body === "string" || call.body instanceof Uint8Array) {
    body = call.body as BodyInit;
  } else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const req = new Request(`http://localhost/api/test${call.query ?? ""}`, { method, headers, body });
  const res = await (handler as RouteFn)(req, { params: Promise.resolve(call.params ?? {}) }, resolverFor(db, caller));
  const text = await res.text();
  const isJson = (res.headers.get("content-type") ?? "").includes("json");
  return { status: res.status, headers: res.headers, body: isJson && text ? JSON.parse(text) : text };
}
