import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db";
import { getActiveActor } from "@/db/queries/users";
import { auditEvents, users } from "@/db/schema";
import { makeActor, validUpdate } from "@/db/testing/fixtures";
import { authorizeCredentials } from "@/lib/auth";
import type { Actor } from "@/lib/permissions";

/*
 * Password changes and forced resets through the real actions and database.
 * The "session" is what the JWT would carry: a user id and the session
 * version at sign-in; the real getActiveActor decides whether it still holds.
 */
const session = vi.hoisted(() => ({ userId: null as number | null, sessionVersion: undefined as number | undefined }));
vi.mock("@/lib/current-user", async () => {
  const { getActiveActor } = await import("@/db/queries/users");
  return {
    getCurrentUser: async () => (session.userId === null ? null : getActiveActor(session.userId, { sessionVersion: session.sessionVersion ?? 0 })),
  };
});
vi.mock("next/cache", () => ({ updateTag: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn(), unstable_cache: <T>(fn: T) => fn }));

// Windows are aligned to the clock: a long one keeps a test from straddling a window's end.
process.env.LOGIN_FAILURE_WINDOW_SECONDS = String(100 * 86_400);

const { changeOwnPasswordAction } = await import("./account");
const { forcePasswordResetAction } = await import("./users");
const { submitUpdateAction } = await import("./progress");

const FIXTURE_PASSWORD = "test-password-long";

/** Signs in for real (authorizeCredentials) and makes that the current session. */
async function signInAs(email: string, password: string): Promise<number> {
  const user = await authorizeCredentials({ email, password });
  if (!user) throw new Error(`cannot sign in as ${email}`);
  session.userId = Number(user.id);
  session.sessionVersion = user.sessionVersion;
  return user.sessionVersion;
}

async function row(id: number) {
  const [r] = await db.select().from(users).where(eq(users.id, id));
  if (!r) throw new Error("no user");
  return r;
}

let admin: Actor;

beforeAll(async () => {
  admin = await makeActor("admin");
});

describe("changing one's own password", () => {
  it("refuses a wrong current password with a field message and changes nothing", async () => {
    const me = await makeActor("analyst");
    await signInAs(me.email, FIXTURE_PASSWORD);
    const before = await row(me.id);
    const result = await changeOwnPasswordAction(null, { currentPassword: "not-my-password", newPassword: "violet-harbour-quietly-77", confirmPassword: "violet-harbour-quietly-77" });
    expect(result).toMatchObject({ ok: false, error: "invalid", fieldErrors: { currentPassword: ["wrongCurrentPassword"] } });
    expect(await row(me.id)).toEqual(before);
  });

  it("checks the new password against the policy and the confirmation", async () => {
    const me = await makeActor("analyst");
    await signInAs(me.email, FIXTURE_PASSWORD);
    expect(await changeOwnPasswordAction(null, { currentPassword: FIXTURE_PASSWORD, newPassword: "password1234", confirmPassword: "password1234" })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["passwordTooCommon"] },
    });
    expect(await changeOwnPasswordAction(null, { currentPassword: FIXTURE_PASSWORD, newPassword: "violet-harbour-quietly-77", confirmPassword: "violet-harbour" })).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: ["passwordMismatch"] },
    });
    expect(await changeOwnPasswordAction(null, { currentPassword: FIXTURE_PASSWORD, newPassword: FIXTURE_PASSWORD, confirmPassword: FIXTURE_PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: ["passwordUnchanged"] },
    });
  });

  it("changes it, ends every existing session, and records who did it without the password", async () => {
    const me = await makeActor("analyst");
    const oldVersion = await signInAs(me.email, FIXTURE_PASSWORD);
    const result = await changeOwnPasswordAction(null, { currentPassword: FIXTURE_PASSWORD, newPassword: "violet-harbour-quietly-77", confirmPassword: "violet-harbour-quietly-77" });
    expect(result).toMatchObject({ ok: true });
    // The token issued before the change no longer names a user.
    expect(await getActiveActor(me.id, { sessionVersion: oldVersion })).toBeNull();
    expect(await authorizeCredentials({ email: me.email, password: FIXTURE_PASSWORD })).toBeNull();
    const newVersion = await signInAs(me.email, "violet-harbour-quietly-77");
    expect(newVersion).toBe(oldVersion + 1);
    expect(await getActiveActor(me.id, { sessionVersion: newVersion })).toMatchObject({ id: me.id, mustChangePassword: false });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.passwordChange"), eq(auditEvents.entityId, String(me.id))));
    expect(event).toMatchObject({ actorId: me.id, after: { mustChangePassword: false, sessionVersion: newVersion } });
    expect(JSON.stringify(event)).not.toMatch(/violet|\$2[aby]\$/);
  });

  it("counts wrong current passwords against the account's login limit", async () => {
    const me = await makeActor("analyst");
    await signInAs(me.email, FIXTURE_PASSWORD);
    const change = (currentPassword: string) => changeOwnPasswordAction(null, { currentPassword, newPassword: "violet-harbour-quietly-77", confirmPassword: "violet-harbour-quietly-77" });
    for (let i = 0; i < 5; i += 1) expect(await change(`guess-${i}`)).toMatchObject({ fieldErrors: { currentPassword: ["wrongCurrentPassword"] } });
    const before = await row(me.id);
    expect(await change(FIXTURE_PASSWORD)).toMatchObject({ ok: false, fieldErrors: { currentPassword: ["tooManyAttempts"] } });
    expect(await row(me.id)).toEqual(before);
    // The same bucket as the login: signing in is refused too.
    const { beginLoginAttempt } = await import("@/lib/login-throttle");
    expect((await beginLoginAttempt(me.email, new Headers())).blocked).toBe(true);
  });

  it("is refused to anyone not signed in", async () => {
    session.userId = null;
    expect(await changeOwnPasswordAction(null, { currentPassword: "x", newPassword: "violet-harbour-quietly-77", confirmPassword: "violet-harbour-quietly-77" })).toMatchObject({
      ok: false,
      error: "unauthenticated",
    });
  });
});

describe("an admin forcing a password reset", () => {
  it("signs the user out everywhere and lets them do nothing but choose a new password", async () => {
    const target = await makeActor("analyst");
    const targetSession = await signInAs(target.email, FIXTURE_PASSWORD);

    await signInAs(admin.email, FIXTURE_PASSWORD);
    const forced = await forcePasswordResetAction(null, { userId: target.id, temporaryPassword: "temporary-handover-pass-1" });
    expect(forced).toMatchObject({ ok: true });
    expect(await getActiveActor(target.id, { sessionVersion: targetSession })).toBeNull();
    expect(await row(target.id)).toMatchObject({ mustChangePassword: true, sessionVersion: targetSession + 1 });
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "user.forceReset"), eq(auditEvents.entityId, String(target.id))));
    expect(event).toMatchObject({ actorId: admin.id, after: { mustChangePassword: true, temporaryPassword: true } });
    expect(JSON.stringify(event)).not.toContain("temporary-handover");

    // The old password is gone; the temporary one signs in, to a session that can only change it.
    expect(await authorizeCredentials({ email: target.email, password: FIXTURE_PASSWORD })).toBeNull();
    await signInAs(target.email, "temporary-handover-pass-1");
    const before = await db.select().from(auditEvents);
    expect(await submitUpdateAction(null, validUpdate())).toMatchObject({ ok: false, error: "passwordChangeRequired" });
    expect(await db.select().from(auditEvents)).toHaveLength(before.length);

    expect(
      await changeOwnPasswordAction(null, { currentPassword: "temporary-handover-pass-1", newPassword: "my-own-new-password-9", confirmPassword: "my-own-new-password-9" }),
    ).toMatchObject({ ok: true });
    expect(await row(target.id)).toMatchObject({ mustChangePassword: false });
    await signInAs(target.email, "my-own-new-password-9");
    expect(await submitUpdateAction(null, validUpdate())).toMatchObject({ ok: true });
  });

  it("without a temporary password keeps the old one, still forcing a change", async () => {
    const target = await makeActor("analyst");
    await signInAs(admin.email, FIXTURE_PASSWORD);
    expect(await forcePasswordResetAction(null, { userId: target.id, temporaryPassword: "" })).toMatchObject({ ok: true });
    expect(await authorizeCredentials({ email: target.email, password: FIXTURE_PASSWORD })).toMatchObject({ id: String(target.id) });
    expect(await row(target.id)).toMatchObject({ mustChangePassword: true });
  });

  it("checks a temporary password against the policy", async () => {
    const target = await makeActor("analyst");
    await signInAs(admin.email, FIXTURE_PASSWORD);
    const before = await row(target.id);
    expect(await forcePasswordResetAction(null, { userId: target.id, temporaryPassword: "qwerty123456" })).toMatchObject({
      ok: false,
      fieldErrors: { temporaryPassword: ["passwordTooCommon"] },
    });
    expect(await row(target.id)).toEqual(before);
  });

  it("is refused on oneself, to analysts, and for unknown users", async () => {
    await signInAs(admin.email, FIXTURE_PASSWORD);
    expect(await forcePasswordResetAction(null, { userId: admin.id })).toMatchObject({ ok: false, fieldErrors: { userId: ["cannotResetOwnPassword"] } });
    expect(await forcePasswordResetAction(null, { userId: 999_999 })).toMatchObject({ ok: false, error: "notFound" });
    const analyst = await makeActor("analyst");
    await signInAs(analyst.email, FIXTURE_PASSWORD);
    expect(await forcePasswordResetAction(null, { userId: admin.id })).toMatchObject({ ok: false, error: "forbidden" });
    expect(await row(admin.id)).toMatchObject({ mustChangePassword: false });
  });
});
