import { describe, expect, it, vi } from "vitest";

// The options are pure configuration; the login lookup is not exercised here.
vi.mock("@/db/queries/users", () => ({ findUserForLogin: vi.fn() }));

const { authOptions, cookieSettings } = await import("./auth");

describe("session cookie settings", () => {
  it("are HttpOnly, SameSite=Lax and path-wide in every environment", () => {
    for (const env of [{}, { NODE_ENV: "production", NEXTAUTH_URL: "https://tracker.example.org" }, { NODE_ENV: "development", NEXTAUTH_URL: "https://x.example" }]) {
      const options = cookieSettings(env).cookies.sessionToken?.options;
      expect(options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/" });
    }
  });

  it("are Secure, with the __Secure- prefix, for a production server reached over https", () => {
    const settings = cookieSettings({ NODE_ENV: "production", NEXTAUTH_URL: "https://tracker.example.org" });
    expect(settings.useSecureCookies).toBe(true);
    expect(settings.cookies.sessionToken).toMatchObject({ name: "__Secure-next-auth.session-token", options: { secure: true } });
  });

  it("are not Secure over plain http or outside production, where browsers would drop them", () => {
    for (const env of [
      { NODE_ENV: "production", NEXTAUTH_URL: "http://localhost:3000" },
      { NODE_ENV: "production" },
      { NODE_ENV: "development", NEXTAUTH_URL: "https://tracker.example.org" },
      { NODE_ENV: "test" },
    ]) {
      const settings = cookieSettings(env);
      expect(settings.useSecureCookies, JSON.stringify(env)).toBe(false);
      expect(settings.cookies.sessionToken).toMatchObject({ name: "next-auth.session-token", options: { secure: false } });
    }
  });

  it("are what authOptions uses", () => {
    const expected = cookieSettings(process.env);
    expect(authOptions.useSecureCookies).toBe(expected.useSecureCookies);
    expect(authOptions.cookies).toEqual(expected.cookies);
    expect(authOptions.session).toMatchObject({ strategy: "jwt" });
  });
});

describe("session version in the token", () => {
  it("is written into the JWT at sign-in and passed on to the session", async () => {
    const jwt = authOptions.callbacks?.jwt;
    const session = authOptions.callbacks?.session;
    if (!jwt || !session) throw new Error("callbacks missing");
    const user = { id: "7", email: "a@example.org", name: "A", role: "analyst" as const, sessionVersion: 4 };
    const token = await jwt({ token: { email: "a@example.org", name: "A" }, user, account: null, trigger: "signIn" } as Parameters<typeof jwt>[0]);
    expect(token).toMatchObject({ uid: "7", role: "analyst", sv: 4 });
    // Later requests carry no user: the token keeps the version it was issued with.
    const later = await jwt({ token, user: undefined, account: null } as unknown as Parameters<typeof jwt>[0]);
    expect(later.sv).toBe(4);
    const s = await session({ session: { expires: "2099-01-01" }, token: later } as unknown as Parameters<typeof session>[0]);
    expect(s).toMatchObject({ user: { id: "7", role: "analyst" }, sessionVersion: 4 });
  });
});
