import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { appDb } from "@/lib/db-bootstrap";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { verifyLogin } from "@/lib/users/login";
import { authSecret } from "./secret";
import { requestIdFrom } from "@/lib/http/request-id";

/** Too many failed sign-ins for the account or the address: the code carries the seconds to wait. */
class SignInLocked extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `locked_${retryAfterSeconds}`;
  }
}

/** The client's address: the first X-Forwarded-For hop (set by the reverse proxy), else X-Real-IP. */
function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || null;
}

/**
 * Auth.js with email + password. The JWT carries only the user id; every request reloads the user
 * (lib/auth/request-context.ts), so disabling an account or changing a role applies at once.
 * The config is built lazily so that `next build` needs neither a secret nor a database.
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: env().SESSION_MAX_AGE_HOURS * 3600 },
  pages: { signIn: "/login" },
  // A failed sign-in is already logged (without the password) by verifyLogin; Auth.js would add a stack trace.
  logger: {
    error(error) {
      if ((error as { type?: string }).type === "CredentialsSignin") return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      async authorize(credentials, request) {
        const requestId = requestIdFrom(request.headers);
        const result = await verifyLogin(
          await appDb(),
          credentials?.email,
          credentials?.password,
          requestId,
          clientIp(request.headers),
        );
        if (!result.ok && result.reason === "locked") throw new SignInLocked(result.retryAfterSeconds ?? 900);
        if (!result.ok) return null;
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      (session.user as { sessionVersion?: unknown }).sessionVersion = token.sv ?? 0;
      return session;
    },
  },
}));

/** The session version a session cookie was issued under (see loadActiveActor). */
export const sessionVersionOf = (session: { user?: unknown } | null): unknown =>
  (session?.user as { sessionVersion?: unknown } | undefined)?.sessionVersion;
