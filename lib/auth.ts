import type { CookiesOptions, NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserForLogin } from "@/db/queries/users";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import { credentialsSchema } from "./validation/users";
import type { Role } from "./vocabulary";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
    /** The user's session version when this session signed in; compared with the database on every request. */
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
  }
}

/** Checks a login; returns null for a wrong password, an unknown email or a disabled account alike. */
export async function authorizeCredentials(credentials: unknown): Promise<User | null> {
  const parsed = credentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const user = await findUserForLogin(parsed.data.email);
  // Hash even when the user is unknown, so timing does not reveal which emails exist.
  const valid = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || user.disabled) return null;
  return { id: String(user.id), email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * The session cookie, spelled out rather than left to next-auth's defaults so
 * that a test can prove it: HttpOnly (no script reads it), SameSite=Lax (not
 * sent on cross-site POSTs), path /, and Secure with the __Secure- prefix when
 * a production server is reached over https. A development server or the
 * browser tests on http://localhost must work without Secure, which browsers
 * would refuse to send back over http.
 */
export function cookieSettings(env: Record<string, string | undefined> = process.env): { useSecureCookies: boolean; cookies: Partial<CookiesOptions> } {
  const useSecureCookies = env.NODE_ENV === "production" && (env.NEXTAUTH_URL ?? "").startsWith("https://");
  return {
    useSecureCookies,
    cookies: {
      sessionToken: {
        name: `${useSecureCookies ? "__Secure-" : ""}next-auth.session-token`,
        options: { httpOnly: true, sameSite: "lax", path: "/", secure: useSecureCookies },
      },
    },
  };
}

export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  ...cookieSettings(),
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = { id: token.uid, email: token.email ?? "", name: token.name ?? "", role: token.role };
        session.sessionVersion = token.sv;
      }
      return session;
    },
  },
};
