import { createHash } from "node:crypto";
import type { ActionSummary, PublicUpdate, VisionSummary } from "@/db/queries/public";
import type { RoundRow } from "@/db/queries/rounds";
import validationMessages from "@/messages/en/validation.json";
import { isConnectionError, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from "./server/db-status";
import { getCachedRound } from "./public-data";
import type { FieldErrors } from "./validation/fields";
import { cutoffOf, parseAsOf, type View } from "./view";

/** The public JSON shape of an action; a stable contract, so it is mapped field by field. */
export function actionToJson(a: ActionSummary) {
  return {
    code: a.code,
    title: a.title,
    titleVerified: a.verified,
    status: a.status,
    percent: a.percent,
    targetDate: a.targetDate,
    visions: a.visions.map((v) => ({ code: v.code, weight: v.weight })),
    updatedAt: a.updatedAt,
  };
}

export function visionToJson(v: VisionSummary) {
  return {
    code: v.code,
    title: v.title,
    titleVerified: v.verified,
    status: v.status,
    percent: v.percent,
    actions: v.actions.map((a) => ({ code: a.code, weight: a.weight })),
    updatedAt: v.updatedAt,
  };
}

/** A published update as the API shows it; `correction` says whether it still counts in the view. */
export function updateToJson(u: PublicUpdate) {
  return {
    id: u.id,
    status: u.status,
    percent: u.percent,
    narrative: u.narrative,
    evidenceLinks: u.evidenceLinks.map((l) => ({ url: l.url, label: l.label ?? null })),
    occurredOn: u.occurredOn,
    publishedAt: u.publishedAt,
    illustrative: u.illustrative,
    correction: u.correction ? { kind: u.correction.kind, reason: u.correction.reason, at: u.correction.at, replacementId: u.correction.replacementId } : null,
    correctsId: u.correctsId,
  };
}

// The name of who closed a round stays in the admin area.
export function roundToJson(r: RoundRow) {
  return { slug: r.slug, name: r.name, cutoffDate: r.cutoffDate, closedAt: r.closedAt };
}

/*
 * Reads are open to any origin; the write endpoint needs a bearer token
 * rather than cookies, so allowing these headers exposes no session.
 */
export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Location, Retry-After",
  "Access-Control-Max-Age": "86400",
};

/** The answer to a CORS preflight. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...CORS_HEADERS, ...headers } });
}

export function jsonError(status: number, error: string, message: string, headers: Record<string, string> = {}): Response {
  return jsonResponse(status, { error, message }, headers);
}

/** A 400 whose field messages are English text, for machines and their logs. */
export function jsonFieldErrors(message: string, fieldErrors: FieldErrors): Response {
  return jsonResponse(400, { error: "invalid", message, fieldErrors });
}

/** The answer while the database cannot be reached: JSON 503 with Retry-After, never a 500 or a hang. */
export function unavailableResponse(): Response {
  return jsonError(503, "unavailable", "The service is temporarily unavailable. Nothing was saved; please try again shortly.", {
    "Retry-After": String(RETRY_AFTER_SECONDS),
  });
}

/** Unknown failures are a 503 too (never a 500); a lost database connection also says when to retry. */
export async function withApiErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    if (isConnectionError(error) || isDatabaseUnavailable()) {
      console.error("[api] database unavailable", (error as Error)?.message ?? error);
      return unavailableResponse();
    }
    console.error("[api] failure", error);
    return jsonError(503, "unavailable", "The service is unavailable right now. Please try again.");
  }
}

export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=60, stale-while-revalidate=300";

/** Reads `?asOf=` or `?round=` for an API request; a bad value is a 400 with a field message, never a silent "now". */
export async function viewFromQuery(url: URL): Promise<{ view: View; cutoff: Date | undefined } | Response> {
  const asOf = url.searchParams.get("asOf");
  const round = url.searchParams.get("round");
  if (asOf !== null) {
    const date = parseAsOf(asOf);
    if (!date) return fieldError("asOf", validationMessages.invalidAsOf);
    const view: View = { kind: "asOf", date };
    return { view, cutoff: cutoffOf(view) };
  }
  if (round !== null) {
    const r = await getCachedRound(round);
    if (!r) return fieldError("round", validationMessages.unknownRound);
    const view: View = { kind: "round", slug: r.slug, name: r.name, cutoffDate: r.cutoffDate, closedAt: r.closedAt };
    return { view, cutoff: cutoffOf(view) };
  }
  return { view: { kind: "live" }, cutoff: undefined };
}

function fieldError(field: string, message: string): Response {
  return jsonFieldErrors(message, { [field]: [message] });
}

/** Past views never change once their day is over, so shared caches may keep them long. */
export function cacheControlFor(view: View): string {
  return view.kind === "live" ? PUBLIC_CACHE_CONTROL : "public, max-age=300, s-maxage=86400";
}

export function viewToJson(view: View) {
  if (view.kind === "live") return { kind: "live" };
  if (view.kind === "asOf") return { kind: "asOf", asOf: view.date };
  return { kind: "round", round: view.slug, name: view.name, cutoffDate: view.cutoffDate };
}

/** A strong validator: the same bytes always give the same tag, so any instance can answer a revalidation. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url")}"`;
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2), so a tag a proxy marked weak still matches. */
function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((t) => t.trim().replace(/^W\//, "") === etag);
}

/** A cacheable GET answer: body, strong ETag, Cache-Control, CORS, and 304 when the client already has it. */
export function cachedJson(request: Request, body: unknown, cacheControl: string): Response {
  const text = JSON.stringify(body);
  const etag = etagOf(text);
  const headers = { ...CORS_HEADERS, "Cache-Control": cacheControl, ETag: etag };
  if (matchesIfNoneMatch(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
}

type Parsed = { view: View; cutoff: Date | undefined };

/** Every public GET: read the view, build the body (or a ready error response), answer with caching headers. */
export function handleGet(request: Request, build: (parsed: Parsed) => Promise<unknown | Response>): Promise<Response> {
  return withApiErrors(async () => {
    const parsed = await viewFromQuery(new URL(request.url));
    if (parsed instanceof Response) return parsed;
    const body = await build(parsed);
    if (body instanceof Response) return body;
    return cachedJson(request, body, cacheControlFor(parsed.view));
  });
}
