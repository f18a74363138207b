import { PUBLIC_CACHE_CONTROL, visionToJson, withApiErrors } from "@/lib/api";
import { getCachedPlanState } from "@/lib/public-data";

export async function GET(): Promise<Response> {
  return withApiErrors(async () => {
    const state = await getCachedPlanState();
    return Response.json({ data: state.visions.map(visionToJson) }, { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } });
  });
}
