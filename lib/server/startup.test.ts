import { afterEach, describe, expect, it, vi } from "vitest";

const prepareDatabase = vi.hoisted(() => vi.fn(async () => {}));
vi.mock("@/db/startup", () => ({ prepareDatabase }));
vi.mock("@/db", () => ({ dbKind: () => "pglite" }));

const { startServer } = await import("./startup");

class ExitCalled extends Error {}

describe("startServer", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
    prepareDatabase.mockClear();
  });

  it("refuses to start in production without an auth secret, before touching the database", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.spyOn(console, "error").mockImplementation(() => {});
    const exit = vi.spyOn(process, "exit").mockImplementation(() => {
      throw new ExitCalled();
    });
    await expect(startServer()).rejects.toBeInstanceOf(ExitCalled);
    expect(exit).toHaveBeenCalledWith(1);
    expect(prepareDatabase).not.toHaveBeenCalled();
  });

  it("prepares the database when the secret is set", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "a-secret");
    vi.spyOn(console, "log").mockImplementation(() => {});
    await startServer();
    expect(prepareDatabase).toHaveBeenCalledTimes(1);
  });
});
