import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth";
import { throttleCredentialsLogin } from "@/lib/login-throttle";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return handler(request, context);
}

/** Password logins pass the throttle (lib/login-throttle.ts); every other next-auth POST (sign-out, CSRF) goes straight through. */
export async function POST(request: NextRequest, context: Context): Promise<Response> {
  const { nextauth = [] } = await context.params;
  if (nextauth[0] === "callback" && nextauth[1] === "credentials") {
    return throttleCredentialsLogin(request, (r) => handler(r, context));
  }
  return handler(request, context);
}
