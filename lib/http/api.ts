import "server-only";
import { NextResponse } from "next/server";
import { createTranslator } from "next-intl";
import { MESSAGES } from "@/i18n/messages";
import { appDb } from "@/db/bootstrap";
import { auth, sessionVersionOf } from "@/lib/auth/auth";
import type { Ctx } from "@/lib/auth/context";
import { AppError, ForbiddenError, ValidationError } from "@/lib/errors";
import { requestLogger } from "@/lib/log";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import { loadActiveActor } from "@/lib/users/actor";
import { translateIssues } from "./errors-i18n";
import { readerLocale } from "./locale";
import { requestIdFrom } from "./request-id";
import { isCrossSiteWrite } from "./same-origin";

/** The caller of an API request: a bearer token, or else the browser session. */
async function apiContext(req: Request): Promise<Ctx> {
  const db = await appDb();
  const requestId = requestIdFrom(req.headers);
  const header = req.headers.get("authorization");
  if (header?.toLowerCase().startsWith("bearer ")) {
    return { db, actor: await authenticateToken(db, header.slice(7).trim()), requestId };
  }
  const session = await auth();
  const actor = session?.user?.id ? await loadActiveActor(db, session.user.id, "user", sessionVersionOf(session)) : null;
  return { db, actor, requestId };
}

export async function errorResponse(error: unknown, req: Request, requestId?: string): Promise<NextResponse> {
  const locale = readerLocale(req);
  // The plain translator, not getTranslations: an error answer needs no request scope.
  const t = createTranslator({ locale, messages: MESSAGES[locale] as Record<string, unknown> }) as unknown as (key: string, params?: Record<string, string | number>) => string;
  if (error instanceof AppError) {
    const body: Record<string, unknown> = {
      error: { code: error.code, message: t(`errors.${error.code}`, error.params), ...error.details },
    };
    if (error instanceof ValidationError) {
      (body.error as Record<string, unknown>).fields = translateIssues(error.issues, locale, t);
    }
    return NextResponse.json(body, { status: error.status });
  }
  requestLogger(requestId).error({ err: error }, "unhandled API error");
  return NextResponse.json({ error: { code: "internal", message: t("errors.internal") } }, { status: 500 });
}

type Handler<P> = (args: { req: Request; ctx: Ctx; params: P }) => Promise<unknown>;

/** Wraps a route handler: resolves the caller, turns errors into JSON with the right status. */
export function apiHandler<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: Request, route: { params: Promise<P> }) => {
    let ctx: Ctx | undefined;
    try {
      if (isCrossSiteWrite(req)) throw new ForbiddenError("cross_site_request");
      ctx = await apiContext(req);
      const result = await handler({ req, ctx, params: await route.params });
      return result instanceof Response ? result : NextResponse.json(result);
    } catch (error) {
      return errorResponse(error, req, ctx?.requestId);
    }
  };
}

/** Reads a JSON body; a body that is not JSON is a 422 like any other bad input. */
export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw ValidationError.field(null, "v.jsonBody");
  }
}
