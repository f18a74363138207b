import { actionToJson, PUBLIC_CACHE_CONTROL, withApiErrors } from "@/lib/api";
import { getCachedPlanState } from "@/lib/public-data";

export async function GET(): Promise<Response> {
  return withApiErrors(async () => {
    const state = await getCachedPlanState();
    return Response.json({ data: state.actions.map(actionToJson) }, { headers: { "Cache-Control": PUBLIC_CACHE_CONTROL } });
  });
}
