/**
 * Cross-site request forgery guard for requests that a browser's cookie authenticates. A write is
 * accepted only when the browser says it comes from this site: `Sec-Fetch-Site: same-origin`, or
 * (older browsers) an `Origin` whose host is the request's host. A request with neither is not from
 * a browser page of ours and is refused too (scripts and other systems use bearer tokens, which a
 * foreign page cannot send). The body types an HTML form on another site can send without a CORS
 * preflight (`text/plain`, `application/x-www-form-urlencoded`) are refused outright: our pages send
 * JSON, multipart uploads or no body at all.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = ["text/plain", "application/x-www-form-urlencoded"];

const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/** True for a state-changing request that carries our session cookie but not from our own pages. */
export function isCrossSiteWrite(req: Request): boolean {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  if (req.headers.get("authorization")?.toLowerCase().startsWith("bearer ")) return false;
  // Without the session cookie the request is anonymous: it gets its 401 from the handler.
  if (!SESSION_COOKIE.test(req.headers.get("cookie") ?? "")) return false;
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  return FORM_TYPES.includes(type) || comesFromOtherSite(req);
}

/**
 * The browser did not send this from one of our pages. (Server actions post `text/plain` themselves,
 * so the proxy checks them with this alone; Next then checks their Origin again.)
 */
export function comesFromOtherSite(req: Request): boolean {
  const fetchSite = req.headers.get("sec-fetch-site");
  if (fetchSite) return fetchSite !== "same-origin";
  const origin = req.headers.get("origin");
  if (!origin) return true;
  return !sameHost(origin, req);
}

/** The Origin names the host the request was sent to (a reverse proxy's `x-forwarded-host` counts). */
function sameHost(origin: string, req: Request): boolean {
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = [req.headers.get("x-forwarded-host"), req.headers.get("host")].flatMap((h) =>
    h ? h.split(",").map((v) => v.trim()) : [],
  );
  if (hosts.length === 0) hosts.push(new URL(req.url).host);
  return hosts.includes(originHost);
}
