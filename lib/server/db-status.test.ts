import { afterEach, describe, expect, it, vi } from "vitest";
import { DB_UNAVAILABLE_DIGEST, isConnectionError, isDatabaseUnavailable, markDatabaseDown, markDatabaseUp, tagConnectionError } from "./db-status";

describe("isConnectionError", () => {
  it("recognises refused, reset and lost connections, also wrapped in a cause chain", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECT_TIMEOUT", "57P01", "57P03", "08006"]) {
      expect(isConnectionError(Object.assign(new Error(code), { code })), code).toBe(true);
      // drizzle wraps driver errors: DrizzleQueryError { cause }
      expect(isConnectionError(new Error("Failed query", { cause: Object.assign(new Error(code), { code }) })), `wrapped ${code}`).toBe(true);
    }
    // Node's AggregateError when every address of "localhost" refused
    expect(isConnectionError(new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })], "connect"))).toBe(true);
  });

  it("leaves query errors alone", () => {
    for (const code of ["23505", "40001", "42P01", "57014", "P0001"]) {
      expect(isConnectionError(Object.assign(new Error(code), { code })), code).toBe(false);
    }
    expect(isConnectionError(new Error("boom"))).toBe(false);
    expect(isConnectionError(null)).toBe(false);
    expect(isConnectionError("ECONNREFUSED")).toBe(false);
  });

  it("tags errors with the digest the error boundaries read", () => {
    const error = new Error("lost");
    tagConnectionError(error);
    expect((error as Error & { digest?: string }).digest).toBe(DB_UNAVAILABLE_DIGEST);
    expect(isConnectionError(error)).toBe(true);
  });
});

describe("database status flag", () => {
  afterEach(() => markDatabaseUp());

  it("is set by a failure and cleared by the next success", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    vi.spyOn(console, "log").mockImplementation(() => {});
    expect(isDatabaseUnavailable()).toBe(false);
    markDatabaseDown(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
    expect(isDatabaseUnavailable()).toBe(true);
    markDatabaseUp();
    expect(isDatabaseUnavailable()).toBe(false);
  });
});

describe("the data layer", () => {
  it("marks the database down on a refused connection, tags the error, and answers the API with a JSON 503", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    // Port 9 (discard) is closed on loopback: the connection is refused at once.
    vi.stubEnv("DATABASE_URL", "postgres://nobody@127.0.0.1:9/none");
    const { db, closeDb } = await import("@/db");
    const { sql } = await import("drizzle-orm");
    const { withApiErrors } = await import("@/lib/api");
    try {
      const error = await db.execute(sql`select 1`).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isConnectionError(error)).toBe(true);
      expect((error as { digest?: string }).digest).toBe(DB_UNAVAILABLE_DIGEST);
      expect(isDatabaseUnavailable()).toBe(true);

      // A transaction fails the same way, and the API helper turns it into a 503 with Retry-After.
      const response = await withApiErrors(() => db.transaction(async (tx) => (await tx.execute(sql`select 1`), new Response("ok"))));
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.json()).toMatchObject({ error: "unavailable" });
    } finally {
      await closeDb();
      vi.unstubAllEnvs();
      markDatabaseUp();
    }
  });
});
