import type { ActionSummary, VisionSummary } from "@/db/queries/public";

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
