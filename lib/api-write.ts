import { eq } from "drizzle-orm";
import { db } from "@/db";
import { submitUpdate } from "@/db/queries/updates";
import { actions } from "@/db/schema";
import { authenticateToken, hashToken } from "@/db/queries/tokens";
import { hitRateLimit, writeRateLimit } from "@/db/queries/rate-limits";
import validationMessages from "@/messages/en/validation.json";
import { jsonError, jsonFieldErrors, jsonResponse } from "./api";
import { InvalidInputError } from "./errors";
import { AuthError } from "./permissions";
import { toFieldErrors, type FieldErrors } from "./validation/fields";
import { progressUpdateSchema } from "./validation/progress";

/** Larger bodies are refused before parsing: the longest valid update is far below this. */
const MAX_BODY_BYTES = 64 * 1024;

const ACTION_CODE_IN_PATH = /^A\d{1,3}$/;

const english = validationMessages as Record<string, string>;

/** Field message keys become the English text the forms show, so API clients get the same wording. */
export function toEnglishFieldErrors(errors: FieldErrors): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([field, keys]) => [field, keys.map((k) => english[k] ?? english.invalid ?? k)]));
}

function unauthorized(message: string): Response {
  return jsonError(401, "unauthenticated", message, { "WWW-Authenticate": 'Bearer realm="plan-tracker"' });
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}

function notFound(code: string): Response {
  return jsonError(404, "notFound", `There is no action with the code ${code}.`);
}

/**
 * `POST /api/v1/actions/{code}/updates`: the form's submission for machines.
 * Checks, in order: token (401), rate limit (429), body (400), action (404);
 * the update is then "submitted" as the token's analyst, awaiting review.
 */
export async function createUpdateFromRequest(request: Request, code: string, options: { limit?: number } = {}): Promise<Response> {
  const plain = bearerToken(request);
  if (!plain) return unauthorized("Send an API token as Authorization: Bearer <token>.");
  const actor = await authenticateToken(plain);
  if (!actor) return unauthorized("The API token is unknown or has been revoked.");

  const limit = await hitRateLimit(`write:token:${hashToken(plain).slice(0, 32)}`, options.limit ?? writeRateLimit());
  if (!limit.allowed) {
    return jsonError(429, "rateLimited", `Too many requests: at most ${limit.limit} per minute. Try again in ${limit.retryAfterSeconds} s.`, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }

  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) return jsonError(413, "tooLarge", "The request body is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonError(400, "malformed", "The request body must be a JSON object.");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return jsonError(400, "malformed", "The request body must be a JSON object.");

  // The path names the resource, so an unknown action is a 404 whatever the body says.
  // A path that cannot be an action code is not looked up: Postgres would answer one holding a NUL (from %00) with an error, a 503.
  if (!ACTION_CODE_IN_PATH.test(code)) return notFound(code);
  const [action] = await db.select({ id: actions.id }).from(actions).where(eq(actions.code, code));
  if (!action) return notFound(code);

  const parsed = progressUpdateSchema.safeParse({ ...body, actionCode: code });
  if (!parsed.success) {
    const errors = toFieldErrors(parsed.error);
    if (errors.actionCode) return notFound(code);
    return jsonFieldErrors("The update is not valid; see fieldErrors.", toEnglishFieldErrors(errors));
  }
  try {
    const { id } = await submitUpdate(actor, parsed.data);
    // Submitted updates are not public; the action is where this one will appear once an admin publishes it.
    return jsonResponse(201, { id, state: "submitted" }, { Location: `/api/v1/actions/${encodeURIComponent(parsed.data.actionCode)}` });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      if (error.fieldErrors.actionCode) return notFound(code);
      return jsonFieldErrors("The update is not valid; see fieldErrors.", toEnglishFieldErrors(error.fieldErrors));
    }
    if (error instanceof AuthError) return jsonError(403, "forbidden", "This token may not submit updates.");
    throw error;
  }
}
