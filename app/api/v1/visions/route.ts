import { cacheControlFor, viewFromQuery, viewToJson, visionToJson, withApiErrors } from "@/lib/api";
import { getCachedPlanState } from "@/lib/public-data";

export async function GET(request: Request): Promise<Response> {
  return withApiErrors(async () => {
    const parsed = await viewFromQuery(new URL(request.url));
    if (parsed instanceof Response) return parsed;
    const state = await getCachedPlanState(parsed.cutoff);
    return Response.json({ view: viewToJson(parsed.view), data: state.visions.map(visionToJson) }, { headers: { "Cache-Control": cacheControlFor(parsed.view) } });
  });
}
