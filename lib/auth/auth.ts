import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { appDb } from "@/db/bootstrap";
import { env } from "@/lib/config/env";
import { logger } from "@/lib/log";
import { verifyLogin } from "@/lib/users/login";
import { authSecret } from "./secret";
import { requestIdFrom } from "@/lib/http/request-id";

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
        const result = await verifyLogin(await appDb(), credentials?.email, credentials?.password, requestId);
        if (!result.ok) return null;
        return { id: result.user.id, email: result.user.email, name: result.user.name };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === "string") session.user.id = token.uid;
      return session;
    },
  },
}));
