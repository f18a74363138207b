import { describe, expect, it } from "vitest";
import { toFieldErrors } from "./fields";
import { newPasswordSchema } from "./passwords";
import { changeOwnPasswordSchema, createUserSchema, credentialsSchema, forcePasswordResetSchema } from "./users";

const fieldErrorsOf = (schema: { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? {} : toFieldErrors(result.error as Parameters<typeof toFieldErrors>[0]);
};

const messagesFor = (password: unknown) => {
  const result = newPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

describe("new password policy", () => {
  it("accepts a long, uncommon password", () => {
    expect(messagesFor("violet-harbour-quietly-77")).toEqual([]);
    expect(messagesFor("x".repeat(200))).toEqual([]);
  });

  it("refuses fewer than 12 characters with one message, even when the password is also common", () => {
    expect(messagesFor("abcdefghijk")).toEqual(["passwordTooShort"]);
    expect(messagesFor("password")).toEqual(["passwordTooShort"]);
    expect(messagesFor("")).toEqual(["required"]);
    expect(messagesFor(undefined)).toEqual(["required"]);
  });

  it("refuses passwords from the common-password list, whatever their case", () => {
    expect(messagesFor("password1234")).toEqual(["passwordTooCommon"]);
    expect(messagesFor("PassWord1234")).toEqual(["passwordTooCommon"]);
    expect(messagesFor("QWERTYUIOP123")).toEqual(["passwordTooCommon"]);
    expect(messagesFor("1qaz2wsx3edc")).toEqual(["passwordTooCommon"]);
  });

  it("refuses absurdly long passwords", () => {
    expect(messagesFor("x".repeat(201))).toEqual(["tooLong"]);
  });

  it("is the rule of user creation, with a field message on the password", () => {
    const base = { email: "a@example.org", name: "A", role: "analyst" };
    expect(fieldErrorsOf(createUserSchema, { ...base, password: "short" })).toEqual({ password: ["passwordTooShort"] });
    expect(fieldErrorsOf(createUserSchema, { ...base, password: "qwerty123456" })).toEqual({ password: ["passwordTooCommon"] });
    expect(createUserSchema.safeParse({ ...base, password: "violet-harbour-quietly-77" }).success).toBe(true);
  });

  it("does not apply to signing in: an old password that breaks today's rule still signs in", () => {
    expect(credentialsSchema.safeParse({ email: "a@example.org", password: "password" }).success).toBe(true);
  });
});

describe("change own password", () => {
  const valid = { currentPassword: "anything", newPassword: "violet-harbour-quietly-77", confirmPassword: "violet-harbour-quietly-77" };

  it("needs the current password, a new one that passes the policy, and the same one again", () => {
    expect(changeOwnPasswordSchema.safeParse(valid).success).toBe(true);
    expect(fieldErrorsOf(changeOwnPasswordSchema, { ...valid, currentPassword: "" })).toEqual({ currentPassword: ["required"] });
    expect(fieldErrorsOf(changeOwnPasswordSchema, { ...valid, newPassword: "iloveyou", confirmPassword: "iloveyou" })).toEqual({
      newPassword: ["passwordTooShort"],
    });
    expect(fieldErrorsOf(changeOwnPasswordSchema, { ...valid, confirmPassword: "violet-harbour-quietly-78" })).toEqual({
      confirmPassword: ["passwordMismatch"],
    });
  });
});

describe("forced reset", () => {
  it("treats an empty temporary password as none, and checks a given one against the policy", () => {
    expect(forcePasswordResetSchema.parse({ userId: "3", temporaryPassword: "" })).toEqual({ userId: 3 });
    expect(forcePasswordResetSchema.parse({ userId: 3 })).toEqual({ userId: 3 });
    expect(forcePasswordResetSchema.parse({ userId: 3, temporaryPassword: "violet-harbour-quietly-77" })).toEqual({
      userId: 3,
      temporaryPassword: "violet-harbour-quietly-77",
    });
    expect(fieldErrorsOf(forcePasswordResetSchema, { userId: 3, temporaryPassword: "password1234" })).toEqual({ temporaryPassword: ["passwordTooCommon"] });
    expect(fieldErrorsOf(forcePasswordResetSchema, { userId: 3, temporaryPassword: "short" })).toEqual({ temporaryPassword: ["passwordTooShort"] });
  });
});
