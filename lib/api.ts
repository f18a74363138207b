import type { ActionSummary, VisionSummary } from "@/db/queries/public";
import validationMessages from "@/messages/en/validation.json";
import { getCachedRound } from "./public-data";
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

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: { "Cache-Control": "no-store" } });
}

export async function withApiErrors(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
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
  return Response.json({ error: "invalid", message, fieldErrors: { [field]: [message] } }, { status: 400, headers: { "Cache-Control": "no-store" } });
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
