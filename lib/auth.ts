import type { NextAuthOptions, User } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { findUserForLogin } from "@/db/queries/users";
import { DUMMY_HASH, verifyPassword } from "./passwords";
import { credentialsSchema } from "./validation/users";
import type { Role } from "./vocabulary";

declare module "next-auth" {
  interface User {
    role: Role;
  }
  interface Session {
    user: { id: string; email: string; name: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
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
  return { id: String(user.id), email: user.email, name: user.name, role: user.role };
}

export const SESSION_MAX_AGE_SECONDS = 8 * 3600;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
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
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid && token.role) {
        session.user = { id: token.uid, email: token.email ?? "", name: token.name ?? "", role: token.role };
      }
      return session;
    },
  },
};
