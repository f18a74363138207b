import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import * as importsRoute from "@/app/api/imports/route";
import * as revalidateRoute from "@/app/api/internal/revalidate/route";
import * as updatesRoute from "@/app/api/v1/actions/[code]/updates/route";
import { db } from "@/db";
import { listEditablePlan } from "@/db/queries/plan-admin";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { approveUpdate, submitUpdate } from "@/db/queries/updates";
import { forcePasswordReset, listUsers } from "@/db/queries/users";
import { users as usersTable } from "@/db/schema";
import { disableUser, makeActor, validUpdate } from "@/db/testing/fixtures";
import type { ActionResult } from "@/lib/action-result";
import * as account from "@/lib/actions/account";
import * as plan from "@/lib/actions/plan";
import * as progress from "@/lib/actions/progress";
import * as rounds from "@/lib/actions/rounds";
import * as tokens from "@/lib/actions/tokens";
import * as translations from "@/lib/actions/translations";
import * as users from "@/lib/actions/users";
import type { Actor } from "@/lib/permissions";
import { progressUpdateSchema } from "@/lib/validation/progress";
import { testSession } from "./session";

/*
 * Every mutation of the app, in one table shared by the authorisation
 * matrix (authorization-matrix.db.test.ts) and the malformed-input fuzz test
 * (malformed-input.db.test.ts): each exported server action of
 * lib/actions/*.ts and each mutating route handler under app/api. Both
 * tests enumerate the real modules and files and fail when a mutation has
 * no row here, so a new one cannot slip in untested.
 *
 * Test-only: the importing test file must mock `@/lib/current-user` (to read
 * `testSession`) and `next/cache` before this module loads.
 */

// ---------------------------------------------------------------------------
// Who calls

/**
 * Signed in with a session cookie (or not at all). The last three are admins whose session
 * outlived a change: "disabled" was disabled after signing in; "staleSession" was signed out
 * everywhere (a password change elsewhere bumped their session version); "mustChangePassword"
 * signed in after another admin forced a password reset.
 */
export const SESSION_PRINCIPALS = ["anonymous", "analyst", "admin", "disabled", "staleSession", "mustChangePassword"] as const;
/** Bearer tokens of the write API, sent without any session. */
export const TOKEN_PRINCIPALS = ["validToken", "revokedToken", "disabledUserToken"] as const;
export const PRINCIPALS = [...SESSION_PRINCIPALS, ...TOKEN_PRINCIPALS] as const;
export type Principal = (typeof PRINCIPALS)[number];

export type Credentials = { userId: number | null; bearer: string | null; sessionVersion?: number };

export type World = {
  admin: Actor;
  analyst: Actor;
  /** An admin whose session still exists but who has been disabled. */
  disabled: Actor;
  staleSession: Actor;
  mustChangePassword: Actor;
  /** The analyst whose updates the review rows act on, and whom the tokens act as. */
  submitter: Actor;
  validToken: string;
  revokedToken: string;
  disabledUserToken: string;
};

/** Creates the users and tokens every principal needs. */
export async function createWorld(): Promise<World> {
  const admin = await makeActor("admin");
  const analyst = await makeActor("analyst");
  const disabled = await makeActor("admin");
  await disableUser(disabled.id);
  const staleSession = await makeActor("admin");
  await db.update(usersTable).set({ sessionVersion: 2 }).where(eq(usersTable.id, staleSession.id));
  const mustChangePassword = await makeActor("admin");
  await forcePasswordReset(admin, { userId: mustChangePassword.id });
  const submitter = await makeActor("analyst");
  const valid = await createToken(admin, { name: "valid", userId: submitter.id });
  const revoked = await createToken(admin, { name: "revoked", userId: submitter.id });
  await revokeToken(admin, revoked.id);
  const laterDisabled = await makeActor("analyst");
  const ofDisabled = await createToken(admin, { name: "of a disabled analyst", userId: laterDisabled.id });
  await disableUser(laterDisabled.id);
  return { admin, analyst, disabled, staleSession, mustChangePassword, submitter, validToken: valid.token, revokedToken: revoked.token, disabledUserToken: ofDisabled.token };
}

export function credentialsOf(world: World, who: Principal): Credentials {
  switch (who) {
    case "anonymous":
      return { userId: null, bearer: null };
    case "analyst":
    case "admin":
    case "disabled":
    case "mustChangePassword":
      return { userId: world[who].id, bearer: null };
    case "staleSession":
      // Issued before the version was bumped to 2.
      return { userId: world[who].id, bearer: null, sessionVersion: 1 };
    default:
      return { userId: null, bearer: world[who] };
  }
}

// ---------------------------------------------------------------------------
// What comes back

export type Outcome =
  | { kind: "action"; result: ActionResult<unknown> }
  | { kind: "route"; status: number; contentType: string; json: unknown; lines: unknown[] | null; text: string };

/** An action's error code, or a route's HTTP status. */
export type Expected = "ok" | "unauthenticated" | "forbidden" | "passwordChangeRequired" | number;

async function readResponse(res: Response): Promise<Outcome> {
  const contentType = res.headers.get("content-type") ?? "";
  const text = await res.text();
  let json: unknown = undefined;
  let lines: unknown[] | null = null;
  if (contentType.includes("ndjson")) {
    lines = text
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
  } else if (contentType.includes("json")) {
    json = JSON.parse(text) as unknown;
  }
  return { kind: "route", status: res.status, contentType, json, lines, text };
}

type ImportReportLine = { type: "report"; committed: boolean; problemCount: number };

export function lastLine(outcome: Outcome): Record<string, unknown> | undefined {
  return outcome.kind === "route" ? (outcome.lines?.at(-1) as Record<string, unknown> | undefined) : undefined;
}

/** Whether the call was accepted and wrote: ok:true, a 2xx, or an import report saying it committed. */
export function accepted(outcome: Outcome): boolean {
  if (outcome.kind === "action") return outcome.result.ok;
  if (outcome.status < 200 || outcome.status > 299) return false;
  if (outcome.lines) return (lastLine(outcome) as ImportReportLine | undefined)?.committed === true;
  return true;
}

/** What a table cell says the outcome is, for messages and comparisons. */
export function observed(outcome: Outcome): string | number {
  if (outcome.kind === "action") return outcome.result.ok ? "ok" : outcome.result.error;
  return outcome.status;
}

// ---------------------------------------------------------------------------
// Field kinds, for the fuzz test's generators

/**
 * What a field accepts, so the fuzz test can make a value it must refuse.
 * `missingOk`: leaving the field out is valid (it has a default or is optional).
 */
export type FieldKind =
  | { kind: "text"; max: number; missingOk?: boolean }
  | { kind: "optText"; max: number }
  | { kind: "id" }
  | { kind: "int"; min: number; max: number; missingOk?: boolean }
  | { kind: "enum"; values: readonly string[] }
  | { kind: "date"; future?: "refused" }
  | { kind: "optDate" }
  | { kind: "optUrl" }
  | { kind: "urlList" }
  | { kind: "email" }
  | { kind: "password" }
  | { kind: "optPassword" }
  | { kind: "existingPassword" }
  /** Must repeat another field exactly: anything else is refused. */
  | { kind: "confirmation" }
  | { kind: "checkbox" }
  | { kind: "pattern"; name: "actionCode" | "planCode" | "slug" }
  | { kind: "weights" }
  | { kind: "object"; fields: FieldSpec };
export type FieldSpec = Record<string, FieldKind>;

const T = {
  text: (max: number): FieldKind => ({ kind: "text", max }),
  optText: (max: number): FieldKind => ({ kind: "optText", max }),
  id: { kind: "id" } as FieldKind,
  date: { kind: "date", future: "refused" } as FieldKind,
};

export const PROGRESS_FIELDS: FieldSpec = {
  actionCode: { kind: "pattern", name: "actionCode" },
  status: { kind: "enum", values: ["not_started", "on_track", "in_progress", "at_risk", "delayed", "completed"] },
  percent: { kind: "int", min: 0, max: 100 },
  narrative: T.text(5000),
  evidenceLinks: { kind: "urlList" },
  occurredOn: T.date,
};
const { actionCode: _pathCode, ...API_BODY_FIELDS } = PROGRESS_FIELDS;

const PLAN_ITEM_FIELDS: FieldSpec = {
  code: { kind: "pattern", name: "planCode" },
  version: T.id,
  title: T.text(300),
  description: T.optText(5000),
  targetDate: { kind: "optDate" },
  verified: { kind: "checkbox" },
  sourceUrl: { kind: "optUrl" },
};

const TRANSLATION_TARGET: FieldSpec = {
  entityType: { kind: "enum", values: ["vision", "action", "update", "round"] },
  entityKey: T.text(120),
  field: { kind: "enum", values: ["title", "description", "narrative", "name"] },
  locale: { kind: "enum", values: ["zh"] },
};

// ---------------------------------------------------------------------------
// The table

export type Mutation = {
  /** "module.export" for server actions; "METHOD /path" (plus a variant) for route handlers. */
  name: string;
  kind: "action" | "route";
  /** For routes: the route file's method and path, as enumerated from app/api. */
  route?: string;
  expect: Record<Principal, Expected>;
  /** Audit events one accepted call writes, in the same transaction as the change. */
  auditEvents: number;
  /** A payload that the admin (or the valid token) would have accepted, built fresh against the database. */
  valid: () => Promise<unknown>;
  invoke: (payload: unknown, credentials: Credentials) => Promise<Outcome>;
  /** The payload's fields, for the fuzz test. */
  fields: FieldSpec;
};

type ActionFn = (previous: unknown, payload: unknown) => Promise<ActionResult<unknown>>;

const session = { anonymous: "unauthenticated", disabled: "unauthenticated", staleSession: "unauthenticated", mustChangePassword: "passwordChangeRequired" } as const;
/** A bearer token is not a session: server actions and session routes see an anonymous caller. */
const tokensAsAnonymous = <E extends Expected>(e: E) => ({ validToken: e, revokedToken: e, disabledUserToken: e });
const allSessions = (e: Expected) => Object.fromEntries(SESSION_PRINCIPALS.map((p) => [p, e])) as Record<(typeof SESSION_PRINCIPALS)[number], Expected>;
export const ADMIN_ONLY: Record<Principal, Expected> = { ...session, analyst: "forbidden", admin: "ok", ...tokensAsAnonymous("unauthenticated") };
export const ANY_SIGNED_IN: Record<Principal, Expected> = { ...session, analyst: "ok", admin: "ok", ...tokensAsAnonymous("unauthenticated") };

export const ACTION_MODULES: Record<string, Record<string, unknown>> = { account, plan, progress, rounds, tokens, translations, users };

function callAction(fn: unknown): Mutation["invoke"] {
  return async (payload, credentials) => {
    return withSession(credentials, async () => ({ kind: "action", result: await (fn as ActionFn)(null, payload) }));
  };
}

let seq = 0;
const unique = () => `${Date.now()}-${(seq += 1)}`;

export function buildMutations(world: World): Mutation[] {
  const submittedUpdateId = async () => (await submitUpdate(world.submitter, progressUpdateSchema.parse(validUpdate()))).id;
  const publishedUpdateId = async () => {
    const id = await submittedUpdateId();
    await approveUpdate(world.admin, id);
    return id;
  };
  const versionOf = async (code: string) => {
    const p = await listEditablePlan(world.admin);
    return [...p.visions, ...p.actions].find((x) => x.code === code)?.version ?? 0;
  };

  const action = (name: string, expect: Record<Principal, Expected>, fields: FieldSpec, valid: () => Promise<unknown>): Mutation => {
    const [module, exported] = name.split(".") as [string, string];
    return { name, kind: "action", expect, auditEvents: 1, valid, fields, invoke: callAction(ACTION_MODULES[module]?.[exported]) };
  };

  return [
    action("progress.submitUpdateAction", ANY_SIGNED_IN, PROGRESS_FIELDS, async () => validUpdate()),
    action("progress.approveUpdateAction", ADMIN_ONLY, { updateId: T.id }, async () => ({ updateId: await submittedUpdateId() })),
    action("progress.rejectUpdateAction", ADMIN_ONLY, { updateId: T.id, reason: T.text(2000) }, async () => ({ updateId: await submittedUpdateId(), reason: "Needs a source" })),
    action(
      "progress.correctUpdateAction",
      ADMIN_ONLY,
      { mode: { kind: "enum", values: ["correct", "retract"] }, updateId: T.id, reason: T.text(2000), replacement: { kind: "object", fields: PROGRESS_FIELDS } },
      // The matrix retracts; the fuzz test starts from a full correction so the replacement's fields are fuzzed too.
      async () => ({ mode: "correct", updateId: await publishedUpdateId(), reason: "Source withdrawn", replacement: validUpdate({ percent: 35 }) }),
    ),
    action("rounds.closeRoundAction", ADMIN_ONLY, { name: T.text(120), slug: { kind: "pattern", name: "slug" }, cutoffDate: T.date }, async () => ({
      name: "Round",
      slug: `round-${unique()}`,
      cutoffDate: "2025-06-30",
    })),
    action("plan.editVisionAction", ADMIN_ONLY, PLAN_ITEM_FIELDS, async () => ({ code: "V2", version: await versionOf("V2"), title: `Title ${unique()}` })),
    action(
      "plan.editActionAction",
      ADMIN_ONLY,
      { ...PLAN_ITEM_FIELDS, visionWeights: { kind: "weights" }, updateIntervalDays: { kind: "int", min: 1, max: 3650, missingOk: true } },
      async () => ({ code: "A2", version: await versionOf("A2"), title: `Title ${unique()}`, visionWeights: [{ visionCode: "V2", weight: 2 }] }),
    ),
    action(
      "users.createUserAction",
      ADMIN_ONLY,
      { email: { kind: "email" }, name: T.text(120), role: { kind: "enum", values: ["admin", "analyst"] }, password: { kind: "password" } },
      async () => ({ email: `made-${unique()}@test.local`, name: "Made", role: "analyst", password: "a-long-password-1" }),
    ),
    action("users.updateUserAction", ADMIN_ONLY, { userId: T.id, version: T.id, role: { kind: "enum", values: ["admin", "analyst"] }, disabled: { kind: "checkbox" } }, async () => {
      const target = await makeActor("analyst");
      const row = (await listUsers(world.admin)).find((u) => u.id === target.id);
      return { userId: target.id, version: row?.version, role: "analyst", disabled: "on" };
    }),
    // Forces a fresh analyst each time; "" (or no) temporary password is valid (keep the current one), so the fuzz makes only bad ones.
    action("users.forcePasswordResetAction", ADMIN_ONLY, { userId: T.id, temporaryPassword: { kind: "optPassword" } }, async () => ({
      userId: (await makeActor("analyst")).id,
      temporaryPassword: `temporary-handover-${unique()}`,
    })),
    action("tokens.createTokenAction", ADMIN_ONLY, { name: T.text(100), userId: T.id }, async () => ({ name: "Matrix token", userId: world.submitter.id })),
    action("tokens.revokeTokenAction", ADMIN_ONLY, { tokenId: T.id }, async () => ({ tokenId: (await createToken(world.admin, { name: "To revoke", userId: world.submitter.id })).id })),
    action("translations.saveTranslationAction", ADMIN_ONLY, { ...TRANSLATION_TARGET, text: T.text(5000) }, async () => ({
      entityType: "action",
      entityKey: "A8",
      field: "title",
      locale: "zh",
      text: `人工智能素养 ${unique()}`,
    })),
    // A seeded translation: confirming it re-stamps who vouched for it, so the row changes.
    action("translations.confirmTranslationAction", ADMIN_ONLY, TRANSLATION_TARGET, async () => ({ entityType: "vision", entityKey: "V1", field: "title", locale: "zh" })),
    {
      name: "POST /api/v1/actions/[code]/updates",
      route: "POST /api/v1/actions/[code]/updates",
      kind: "route",
      // Only a bearer token of an active analyst writes; a session cookie never authenticates the API,
      // so every session principal (anonymous included) is the "no token" case: 401.
      expect: { ...allSessions(401), validToken: 201, revokedToken: 401, disabledUserToken: 401 },
      auditEvents: 1,
      valid: async () => ({ code: "A3", body: apiBody() }),
      fields: API_BODY_FIELDS,
      invoke: async (payload, credentials) => {
        const { code, body } = payload as ApiWritePayload;
        // The handler reads the code from its params, as Next passes them decoded; the URL only has to be a URL.
        const request = new Request(`http://localhost/api/v1/actions/${encodeURIComponent(code.toWellFormed())}/updates`, {
          method: "POST",
          headers: { "Content-Type": "application/json", ...(credentials.bearer ? { Authorization: `Bearer ${credentials.bearer}` } : {}) },
          body: typeof body === "string" ? body : JSON.stringify(body),
        });
        return withSession(credentials, async () => readResponse(await updatesRoute.POST(request, { params: Promise.resolve({ code }) })));
      },
    },
    {
      name: "POST /api/internal/revalidate",
      route: "POST /api/internal/revalidate",
      kind: "route",
      // The cache bus's loopback call: only this process's random secret header opens it; no session or token does.
      // It expires cache tags and writes no rows, so no principal here can reach it.
      expect: { ...allSessions(404), validToken: 404, revokedToken: 404, disabledUserToken: 404 },
      auditEvents: 0,
      valid: async () => ({ tags: ["structure"] }),
      fields: { tags: { kind: "checkbox" } },
      invoke: async (payload, credentials) =>
        withSession(credentials, async () => {
          const request = new Request("http://localhost/api/internal/revalidate", {
            method: "POST",
            headers: { "Content-Type": "application/json", ...(credentials.bearer ? { Authorization: `Bearer ${credentials.bearer}` } : {}) },
            body: typeof payload === "string" ? payload : JSON.stringify(payload),
          });
          return readResponse(await revalidateRoute.POST(request));
        }),
    },
    importRow("updates", ANY_SIGNED_IN, 2, async () =>
      importPayload("updates", "commit", `action_code,status,percent,narrative,evidence_links,occurred_on\nA4,in_progress,40,Imported ${unique()},https://example.org/i,2025-04-01\n`),
    ),
    importRow("plan", ADMIN_ONLY, 2, async () =>
      importPayload("plan", "commit", `code,title,title_verified,description,source_url,target_date\nV3,Imported title ${unique()},false,,,\n`),
    ),
    // Last, because the change clears "mustChangePassword": the rows above still see that user as forced to change it.
    // Every principal signs in with makeActor's password; each cell changes it once, from that password, to a new one.
    // The one action a user who must change their password may call.
    action(
      "account.changeOwnPasswordAction",
      { ...ANY_SIGNED_IN, mustChangePassword: "ok" },
      { currentPassword: { kind: "existingPassword" }, newPassword: { kind: "password" }, confirmPassword: { kind: "confirmation" } },
      async () => {
        const fresh = `fresh-password-${unique()}`;
        return { currentPassword: "test-password-long", newPassword: fresh, confirmPassword: fresh };
      },
    ),
  ];
}

export type ApiWritePayload = { code: string; body: unknown };

export function apiBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const { actionCode: _path, ...rest } = validUpdate(overrides);
  return rest;
}

/** A multipart form as the import page posts it; `file` is a file part, or a plain text part when given as a string. */
export type ImportPayload =
  | { form: Record<string, string | { fileName: string; content: string | Uint8Array }> }
  | { raw: string; contentType: string };

export function importPayload(kind: string, mode: string, csv: string | Uint8Array): ImportPayload {
  return { form: { kind, mode, file: { fileName: "import.csv", content: csv } } };
}

function importRequest(payload: ImportPayload): Request {
  if ("raw" in payload) return new Request("http://localhost/api/imports", { method: "POST", headers: { "Content-Type": payload.contentType }, body: payload.raw });
  const form = new FormData();
  for (const [key, value] of Object.entries(payload.form)) {
    if (typeof value === "string") form.append(key, value);
    else form.append(key, new File([value.content as BlobPart], value.fileName, { type: "text/csv" }));
  }
  return new Request("http://localhost/api/imports", { method: "POST", body: form });
}

const IMPORT_OUTCOMES: Record<"ok" | "unauthenticated" | "forbidden" | "passwordChangeRequired", number> = { ok: 200, unauthenticated: 401, forbidden: 403, passwordChangeRequired: 403 };

function importRow(kind: "updates" | "plan", like: Record<Principal, Expected>, auditEvents: number, valid: () => Promise<ImportPayload>): Mutation {
  return {
    name: `POST /api/imports (kind=${kind})`,
    route: "POST /api/imports",
    kind: "route",
    // The same grants as the forms, as HTTP statuses; a commit writes one audit event per row plus one for the import.
    expect: Object.fromEntries(Object.entries(like).map(([who, e]) => [who, IMPORT_OUTCOMES[e as keyof typeof IMPORT_OUTCOMES]])) as Record<Principal, Expected>,
    auditEvents,
    valid,
    fields: {},
    invoke: async (payload, credentials) => withSession(credentials, async () => {
      const request = importRequest(payload as ImportPayload);
      if (credentials.bearer) request.headers.set("Authorization", `Bearer ${credentials.bearer}`);
      return readResponse(await importsRoute.POST(request));
    }),
  };
}

async function withSession<R>(credentials: Credentials, fn: () => Promise<R>): Promise<R> {
  testSession.userId = credentials.userId;
  testSession.sessionVersion = credentials.sessionVersion;
  try {
    return await fn();
  } finally {
    testSession.userId = null;
    testSession.sessionVersion = undefined;
  }
}

// ---------------------------------------------------------------------------
// Enumerating what exists, so a new mutation without a row fails

/** Every exported server action, as "module.export", read from lib/actions/*.ts on disk. */
export function actionModuleFiles(root = process.cwd()): string[] {
  return readdirSync(path.join(root, "lib", "actions"))
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => f.replace(/\.ts$/, ""))
    .sort();
}

export function exportedActions(): string[] {
  return Object.entries(ACTION_MODULES)
    .flatMap(([m, mod]) => Object.keys(mod).map((k) => `${m}.${k}`))
    .sort();
}

const MUTATING_METHODS = ["POST", "PUT", "PATCH", "DELETE"] as const;

/**
 * "METHOD /api/..." for every method of a route file under app/api that can
 * change something. `/api/auth/[...nextauth]` is next-auth's own sign-in and
 * sign-out (POST); it writes nothing of ours and is tested by the login tests,
 * so it is outside the matrix.
 */
export const OUT_OF_MATRIX_ROUTES = ["/api/auth/[...nextauth]"];

export function mutatingRoutes(root = process.cwd()): string[] {
  const apiDir = path.join(root, "app", "api");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) {
        const routePath = `/${path.relative(path.join(root, "app"), dir).split(path.sep).join("/")}`;
        const source = readFileSync(full, "utf8");
        for (const method of MUTATING_METHODS) {
          const declared = new RegExp(`export\\s+(?:async\\s+)?(?:function|const|let|var)\\s+${method}\\b`).test(source);
          const reExported = new RegExp(`export\\s*\\{[^}]*\\b${method}\\b[^}]*\\}`).test(source);
          if (declared || reExported) found.push(`${method} ${routePath}`);
        }
      }
    }
  };
  walk(apiDir);
  return found.sort();
}

/**
 * Every source file that declares server actions ("use server", at the top or
 * inside a function), relative to the root. Server actions are mutations that
 * any page can call, so they must all live in lib/actions where the table finds them.
 */
export function serverActionFiles(root = process.cwd()): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        if (/^\s*["']use server["'];?\s*$/m.test(readFileSync(full, "utf8"))) found.push(path.relative(root, full).split(path.sep).join("/"));
      }
    }
  };
  for (const top of ["app", "components", "lib", "db", "i18n"]) walk(path.join(root, top));
  return found.sort();
}
