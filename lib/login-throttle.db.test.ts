import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { rateLimitCounters } from "@/db/schema";
import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "./server/client-address";
import { accountKey, beginLoginAttempt, clientKey, DEFAULT_LOGIN_LIMITS, endLoginAttempt, loginLimits, type LoginLimits } from "./login-throttle";

const limits: LoginLimits = { ...DEFAULT_LOGIN_LIMITS, trustProxyHops: 1 };
const from = (ip: string) => new Headers({ "x-forwarded-for": ip });
// 10:03:20 UTC: the 15-minute window runs from 10:00 to 10:15, so 700 s remain.
const at = new Date("2025-05-05T10:03:20Z");

async function fail(email: string, ip: string, now = at, l = limits) {
  const attempt = await beginLoginAttempt(email, from(ip), l, now);
  if (!attempt.blocked) await endLoginAttempt(attempt, "failure", email, l);
  return attempt;
}

describe("login throttle settings", () => {
  it("reads its limits from the environment, ignoring nonsense", () => {
    expect(loginLimits({})).toEqual({ perAccount: 5, perIp: 20, unknownIp: 100, windowMs: 900_000, trustProxyHops: 0 });
    expect(
      loginLimits({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "3", LOGIN_MAX_FAILURES_PER_IP: "9", LOGIN_MAX_FAILURES_UNKNOWN_IP: "50", LOGIN_FAILURE_WINDOW_SECONDS: "60", TRUST_PROXY: "1" }),
    ).toEqual({ perAccount: 3, perIp: 9, unknownIp: 50, windowMs: 60_000, trustProxyHops: 1 });
    expect(loginLimits({ LOGIN_MAX_FAILURES_PER_ACCOUNT: "-1", LOGIN_FAILURE_WINDOW_SECONDS: "soon", TRUST_PROXY: "yes please" })).toMatchObject({
      perAccount: 5,
      windowMs: 900_000,
      trustProxyHops: 0,
    });
  });

  it("keys accounts by normalised email and never stores the address", () => {
    expect(accountKey("  Ada@Example.ORG ")).toBe(accountKey("ada@example.org"));
    expect(accountKey("ada@example.org")).not.toContain("ada");
  });

  it("trusts X-Forwarded-For only behind a declared proxy", () => {
    const untrusted = { ...limits, trustProxyHops: 0 };
    expect(clientKey(from("203.0.113.9"), untrusted)).toEqual({ key: "login:ip:unknown", limit: 100 });
    expect(clientKey(from("203.0.113.9"), limits)).toEqual({ key: "login:ip:203.0.113.9", limit: 20 });
    // A proxy that appends: the entry it added is the last; what the client claimed comes first and is ignored.
    expect(clientKey(from("198.51.100.1, 203.0.113.9"), limits).key).toBe("login:ip:203.0.113.9");
    expect(clientKey(from("198.51.100.1, 203.0.113.9, 10.0.0.2"), { ...limits, trustProxyHops: 2 }).key).toBe("login:ip:203.0.113.9");
    expect(clientKey(new Headers(), limits).key).toBe("login:ip:unknown");
  });

  it("uses the socket address the server stamped, and only once a server stamps it", () => {
    const untrusted = { ...limits, trustProxyHops: 0 };
    const claimed = new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7" });
    // No server has stamped anything in this process yet: a client could have sent the header itself.
    expect(clientKey(claimed, untrusted).key).toBe("login:ip:unknown");
    const req = { headers: { [CLIENT_ADDRESS_HEADER]: "198.51.100.7" }, socket: { remoteAddress: "192.0.2.44" } } as unknown as IncomingMessage;
    stampClientAddress(req);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("192.0.2.44");
    expect(clientKey(new Headers(req.headers as Record<string, string>), untrusted)).toEqual({ key: "login:ip:192.0.2.44", limit: 20 });
  });
});

describe("login throttle", () => {
  it("blocks an account after 5 failures until its window ends, for any client and whether or not it exists", async () => {
    for (let i = 0; i < 5; i += 1) expect((await fail("victim@test.local", `192.0.2.${i}`)).blocked).toBe(false);
    const blocked = await beginLoginAttempt("VICTIM@test.local", from("192.0.2.99"), limits, at);
    expect(blocked).toMatchObject({ blocked: true, retryAfterSeconds: 700 });
    // Later in the same window the wait is shorter.
    expect(await beginLoginAttempt("victim@test.local", from("192.0.2.98"), limits, new Date("2025-05-05T10:14:59Z"))).toMatchObject({
      blocked: true,
      retryAfterSeconds: 1,
    });
    // Another account from the same clients is unaffected.
    expect((await beginLoginAttempt("bystander@test.local", from("192.0.2.99"), limits, at)).blocked).toBe(false);
    // The next window starts afresh.
    expect((await beginLoginAttempt("victim@test.local", from("192.0.2.99"), limits, new Date("2025-05-05T10:15:00Z"))).blocked).toBe(false);
  });

  it("blocks a client address after 20 failures across accounts", async () => {
    for (let i = 0; i < 20; i += 1) expect((await fail(`sprayed-${i}@test.local`, "198.51.100.7")).blocked).toBe(false);
    expect(await beginLoginAttempt("fresh@test.local", from("198.51.100.7"), limits, at)).toMatchObject({ blocked: true, retryAfterSeconds: 700 });
    expect((await beginLoginAttempt("fresh@test.local", from("198.51.100.8"), limits, at)).blocked).toBe(false);
  });

  it("counts only failures: a success clears the account, other outcomes and blocked attempts are handed back", async () => {
    for (let i = 0; i < 4; i += 1) await fail("forgetful@test.local", "192.0.2.50");
    const ok = await beginLoginAttempt("forgetful@test.local", from("192.0.2.50"), limits, at);
    await endLoginAttempt(ok, "success", "forgetful@test.local", limits);
    for (let i = 0; i < 4; i += 1) {
      const csrfMiss = await beginLoginAttempt("forgetful@test.local", from("192.0.2.50"), limits, at);
      await endLoginAttempt(csrfMiss, "other", "forgetful@test.local", limits);
    }
    for (let i = 0; i < 5; i += 1) expect((await fail("forgetful@test.local", "192.0.2.50")).blocked).toBe(false);
    expect((await beginLoginAttempt("forgetful@test.local", from("192.0.2.50"), limits, at)).blocked).toBe(true);
    // 9 failures and 1 success from this address: the success and the refused attempts do not count against it.
    const rows = await db.select().from(rateLimitCounters);
    expect(rows.find((r) => r.key === "login:ip:192.0.2.50")?.count).toBe(9);
  });

  it("cannot be outrun by concurrent guesses", async () => {
    const attempts = await Promise.all(Array.from({ length: 12 }, (_, i) => beginLoginAttempt("raced@test.local", from(`192.0.2.${100 + i}`), limits, at)));
    expect(attempts.filter((a) => !a.blocked)).toHaveLength(5);
  });

  it("shares one bucket among clients whose address is unknown", async () => {
    const shared: LoginLimits = { ...limits, trustProxyHops: 0, unknownIp: 3 };
    const later = new Date("2025-06-01T08:00:00Z");
    for (let i = 0; i < 3; i += 1) expect((await fail(`anon-${i}@test.local`, `203.0.113.${i}`, later, shared)).blocked).toBe(false);
    expect((await beginLoginAttempt("anon-9@test.local", from("203.0.113.77"), shared, later)).blocked).toBe(true);
  });
});
