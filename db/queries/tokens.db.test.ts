import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { apiTokens, auditEvents } from "@/db/schema";
import { disableUser, makeActor } from "@/db/testing/fixtures";
import { authenticateToken, createToken, hashToken, listTokens, revokeToken } from "./tokens";

describe("API tokens", () => {
  it("stores only a hash and a prefix, and shows the token once", async () => {
    const admin = await makeActor("admin");
    const analyst = await makeActor("analyst");
    const created = await createToken(admin, { name: "CI", userId: analyst.id });
    expect(created.token).toMatch(/^pt_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row?.tokenHash).toBe(hashToken(created.token));
    expect(row?.tokenHash).not.toContain(created.token);
    expect(row?.prefix).toBe(created.token.slice(0, 10));
    const listed = (await listTokens(admin)).find((t) => t.id === created.id);
    expect(listed).toMatchObject({ name: "CI", prefix: created.prefix, analystName: analyst.name, lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(await listTokens(admin))).not.toContain(created.token);
    expect(JSON.stringify(await listTokens(admin))).not.toContain(row?.tokenHash ?? "-");
  });

  it("is scoped to an active analyst only", async () => {
    const admin = await makeActor("admin");
    const otherAdmin = await makeActor("admin");
    const disabled = await makeActor("analyst");
    await disableUser(disabled.id);
    for (const userId of [otherAdmin.id, disabled.id, 999_999]) {
      await expect(createToken(admin, { name: "x", userId })).rejects.toMatchObject({ fieldErrors: { userId: ["tokenAnalystOnly"] } });
    }
  });

  it("only admins manage tokens", async () => {
    const analyst = await makeActor("analyst");
    await expect(createToken(analyst, { name: "x", userId: analyst.id })).rejects.toMatchObject({ kind: "forbidden" });
    await expect(listTokens(null)).rejects.toMatchObject({ kind: "unauthenticated" });
  });

  it("authenticates as the analyst, records last use, and stops after revocation", async () => {
    const admin = await makeActor("admin");
    const analyst = await makeActor("analyst");
    const { id, token } = await createToken(admin, { name: "bot", userId: analyst.id });
    expect(await authenticateToken(token)).toEqual({ ...analyst, mustChangePassword: false });
    const [used] = await db.select().from(apiTokens).where(eq(apiTokens.id, id));
    expect(used?.lastUsedAt).toBeInstanceOf(Date);
    expect(await authenticateToken(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(await authenticateToken("nonsense")).toBeNull();
    await revokeToken(admin, id);
    expect(await authenticateToken(token)).toBeNull();
    await expect(revokeToken(admin, id)).rejects.toMatchObject({ reason: "alreadyRevoked" });
    await expect(revokeToken(admin, 999_999)).rejects.toMatchObject({ field: "tokenId" });
  });

  it("refuses a token whose analyst was disabled", async () => {
    const admin = await makeActor("admin");
    const analyst = await makeActor("analyst");
    const { token } = await createToken(admin, { name: "bot", userId: analyst.id });
    await disableUser(analyst.id);
    expect(await authenticateToken(token)).toBeNull();
  });

  it("audits creation and revocation without the token or its hash", async () => {
    const admin = await makeActor("admin");
    const analyst = await makeActor("analyst");
    const { id, token } = await createToken(admin, { name: "audited", userId: analyst.id });
    await revokeToken(admin, id);
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityType, "token"), eq(auditEvents.entityId, String(id))))
      .orderBy(auditEvents.id);
    expect(events.map((e) => [e.action, e.actorId])).toEqual([
      ["token.create", admin.id],
      ["token.revoke", admin.id],
    ]);
    expect(events[1]?.after).toMatchObject({ name: "audited", revokedAt: expect.any(String) });
    expect(JSON.stringify(events)).not.toContain(token);
    expect(JSON.stringify(events)).not.toContain(hashToken(token));
  });
});
