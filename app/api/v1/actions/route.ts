import { actionToJson, handleGet, preflight, viewToJson } from "@/lib/api";
import { getCachedPlanState } from "@/lib/public-data";

export function GET(request: Request): Promise<Response> {
  return handleGet(request, async ({ view, cutoff }) => {
    const state = await getCachedPlanState(cutoff);
    return { view: viewToJson(view), data: state.actions.map(actionToJson) };
  });
}

export const OPTIONS = preflight;
