import { beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth";
import { ConflictError, InvalidInputError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createUserSchema, updateUserSchema } from "@/lib/validation/users";
import { disableUser, makeActor } from "../testing/fixtures";
import { createUser, getActiveActor, listUsers, updateUser } from "./users";

let admin: Actor;

beforeAll(async () => {
  admin = await makeActor("admin");
});

describe("users", () => {
  it("creates a user who can then log in with a hashed password", async () => {
    const input = createUserSchema.parse({ email: "New.Analyst@Test.local", name: "New Analyst", role: "analyst", password: "a-very-long-secret" });
    const { id } = await createUser(admin, input);
    const listed = (await listUsers(admin)).find((u) => u.id === id);
    expect(listed).toMatchObject({ email: "new.analyst@test.local", role: "analyst", disabled: false });
    expect(JSON.stringify(listed)).not.toContain("a-very-long-secret");
    expect(await authorizeCredentials({ email: "NEW.analyst@test.local", password: "a-very-long-secret" })).toMatchObject({ id: String(id), role: "analyst" });
    expect(await authorizeCredentials({ email: "new.analyst@test.local", password: "wrong-password!!" })).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@test.local", password: "a-very-long-secret" })).toBeNull();
    await expect(createUser(admin, input)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("locks out a disabled user, including an existing session", async () => {
    const input = createUserSchema.parse({ email: "soon-disabled@test.local", name: "D", role: "analyst", password: "a-very-long-secret" });
    const { id } = await createUser(admin, input);
    expect(await getActiveActor(id)).not.toBeNull();
    const row = (await listUsers(admin)).find((u) => u.id === id);
    await updateUser(admin, updateUserSchema.parse({ userId: id, version: row?.version, role: "analyst", disabled: "on" }));
    expect(await getActiveActor(id)).toBeNull();
    expect(await authorizeCredentials({ email: "soon-disabled@test.local", password: "a-very-long-secret" })).toBeNull();
  });

  it("changes roles with a version check", async () => {
    const { id } = await createUser(admin, createUserSchema.parse({ email: "promote@test.local", name: "P", role: "analyst", password: "a-very-long-secret" }));
    const row = (await listUsers(admin)).find((u) => u.id === id);
    await updateUser(admin, updateUserSchema.parse({ userId: id, version: row?.version, role: "admin" }));
    expect((await getActiveActor(id))?.role).toBe("admin");
    await expect(updateUser(admin, updateUserSchema.parse({ userId: id, version: row?.version, role: "analyst" }))).rejects.toBeInstanceOf(ConflictError);
  });

  it("never leaves the app without an active admin", async () => {
    const others = (await listUsers(admin)).filter((u) => u.role === "admin" && u.id !== admin.id);
    for (const o of others) await disableUser(o.id);
    const me = (await listUsers(admin)).find((u) => u.id === admin.id);
    await expect(updateUser(admin, updateUserSchema.parse({ userId: admin.id, version: me?.version, role: "analyst" }))).rejects.toBeInstanceOf(InvalidInputError);
    expect((await getActiveActor(admin.id))?.role).toBe("admin");
  });

  it("refuses analysts and anonymous callers", async () => {
    const analyst = await makeActor("analyst");
    const input = createUserSchema.parse({ email: "sneaky@test.local", name: "S", role: "admin", password: "a-very-long-secret" });
    await expect(createUser(analyst, input)).rejects.toMatchObject({ kind: "forbidden" });
    await expect(createUser(null, input)).rejects.toMatchObject({ kind: "unauthenticated" });
    await expect(listUsers(analyst)).rejects.toMatchObject({ kind: "forbidden" });
    expect((await listUsers(admin)).some((u) => u.email === "sneaky@test.local")).toBe(false);
  });
});
