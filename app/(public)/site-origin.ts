import { headers } from "next/headers";

/**
 * The address visitors reached us at (behind a reverse proxy, its forwarded host and scheme): link
 * previews and the sitemap need absolute URLs, and the app has no configured public URL.
 */
export async function siteOrigin(): Promise<URL> {
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0].trim() || h.get("host") || "localhost";
  const proto = h.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  return new URL(`${proto}://${host}`);
}
