import { type NextRequest, NextResponse } from "next/server";
import { requestIdFrom } from "@/lib/http/request-id";
import { comesFromOtherSite } from "@/lib/http/same-origin";

/** Pages anyone may open: sign-in, the public gallery and what search engines and link previews read. */
const PUBLIC_PREFIXES = ["/login", "/galeri", "/inovasi", "/sitemap.xml", "/robots.txt"];
/** Old public addresses that now live elsewhere (a shared link keeps working). */
const MOVED: Record<string, string> = { "/showcase": "/galeri" };
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Gives each request an id and a CSP nonce, and sends anonymous visitors of signed-in pages to the
 * login page. It only looks for a session cookie: permissions are checked by every page, action
 * and handler itself.
 */
export function proxy(req: NextRequest) {
  const requestId = requestIdFrom(req.headers);
  // A server action posted from another site: Next would throw (a 500); answer 403 plainly.
  if (req.method === "POST" && req.headers.has("next-action") && comesFromOtherSite(req)) {
    return new NextResponse("Forbidden: cross-site request", { status: 403, headers: { "x-request-id": requestId } });
  }
  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = req.nextUrl;

  const moved = Object.entries(MOVED).find(([from]) => pathname === from || pathname.startsWith(`${from}/`));
  if (moved) {
    const res = NextResponse.redirect(new URL(moved[1] + search, req.url), 308);
    res.headers.set("x-request-id", requestId);
    return res;
  }
  const isPublic =
    pathname === "/favicon.ico" || PUBLIC_PREFIXES.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => req.cookies.has(name));
  // A visitor without a session sees the public gallery at "/" (the address stays "/"); signed-in
  // users keep their home there. A stale cookie reaches the home's layout, which sends it to the
  // gallery too (it reads x-pathname), so nobody is bounced between "/" and the login page.
  const galleryHome = pathname === "/" && !hasSession;
  if (!isPublic && !hasSession && !galleryHome) {
    const login = new URL("/login", req.url);
    if (pathname !== "/") login.searchParams.set("callbackUrl", pathname + search);
    const res = NextResponse.redirect(login);
    res.headers.set("x-request-id", requestId);
    return res;
  }

  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  headers.set("x-pathname", pathname);
  const res = galleryHome
    ? NextResponse.rewrite(new URL(`/galeri${search}`, req.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  res.headers.set("x-request-id", requestId);
  return res;
}

/*
 * Not /api: when a proxy runs on a request, Next copies its body for it and keeps at most
 * `proxyClientMaxBodySize` (10 MB) of it in memory, silently cutting the rest; an import upload of
 * 12 MB arrived as 10. API handlers need none of this (no pages, no CSP, their own request id and
 * cross-site check in lib/http/api.ts), so the proxy stays off them and uploads stream untouched.
 */
export const config = {
  matcher: ["/((?!api/|_next/|favicon.ico|.*\\.(?:png|svg|jpg|ico)$).*)"],
};
