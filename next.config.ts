import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/** Headers that do not depend on the request; the CSP with its per-request nonce is set in proxy.ts. */
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pino", "pdfmake", "archiver", "yauzl", "sharp"],
  poweredByHeader: false,
  // `next dev` refuses its HMR socket to other origins than localhost; tests and docs use 127.0.0.1.
  allowedDevOrigins: ["127.0.0.1"],
  // NEXT_DIST_DIR lets several checkouts' builds (or parallel e2e runs) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Behind a TLS-terminating proxy (the only way to serve TLS with `next start`): browsers keep to HTTPS.
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }],
      },
    ];
  },
};

export default withNextIntl(config);
