import { RateLimitedError } from "./token-rate-limit";
import { NextResponse } from "next/server";
import type { Ctx } from "@/lib/auth/context";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { translator } from "@/lib/i18n/translator";
import { requestLogger } from "@/lib/log";
import { type ContextResolver, contextResolver } from "./api-context";
import { translateIssues } from "./errors-i18n";
import { readerLocale } from "./locale";
import { isCrossSiteWrite } from "./same-origin";

/*
 * No "server-only" import and no static import of the session or the app database: route tests
 * import the handlers and call them with their own resolver (see apiHandler).
 */

/** The app's callers: the app database, the Auth.js session. Loaded on first use. */
const appContext: ContextResolver = contextResolver({
  db: async () => (await import("@/lib/db-bootstrap")).appDb(),
  sessionUser: async () => {
    const { auth, sessionVersionOf } = await import("@/lib/auth/auth");
    const session = await auth();
    return session?.user?.id ? { id: session.user.id, sessionVersion: sessionVersionOf(session) } : null;
  },
});

export async function errorResponse(error: unknown, req: Request, requestId?: string): Promise<NextResponse> {
  const locale = readerLocale(req);
  const t = translator(locale);
  if (error instanceof AppError) {
    const body: Record<string, unknown> = {
      error: { code: error.code, message: t(`errors.${error.code}`, error.params), ...error.details },
    };
    if (error instanceof ValidationError) {
      (body.error as Record<string, unknown>).fields = translateIssues(error.issues, locale, t);
    }
    const headers = error instanceof RateLimitedError ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
    return NextResponse.json(body, { status: error.status, headers });
  }
  requestLogger(requestId).error({ err: error }, "unhandled API error");
  return NextResponse.json({ error: { code: "internal", message: t("errors.internal") } }, { status: 500 });
}

type Handler<P> = (args: { req: Request; ctx: Ctx; params: P }) => Promise<unknown>;

/** What a route exports: Next calls it with (req, route); a test adds the resolver of its caller. */
export type RouteHandler<P> = (
  req: Request,
  route: { params: Promise<P> },
  resolve?: ContextResolver,
) => Promise<Response>;

/**
 * Wraps a route handler: resolves the caller (with `resolve`, by default the app's session and
 * bearer tokens), turns errors into JSON with the right status and the reader's language.
 */
export function apiHandler<P = Record<string, string>>(
  handler: Handler<P>,
  resolve: ContextResolver = appContext,
): RouteHandler<P> {
  return async (req, route, resolveCaller = resolve) => {
    let ctx: Ctx | undefined;
    try {
      if (isCrossSiteWrite(req)) throw new ForbiddenError("cross_site_request");
      ctx = await resolveCaller(req);
      const result = await handler({ req, ctx, params: await route.params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error, req, ctx?.requestId);
    }
  };
}
