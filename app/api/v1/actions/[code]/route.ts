import { actionToJson, handleGet, jsonError, preflight, updateToJson, viewToJson } from "@/lib/api";
import { getCachedActionDetail } from "@/lib/public-data";

type Context = { params: Promise<{ code: string }> };

export async function GET(request: Request, { params }: Context): Promise<Response> {
  const { code } = await params;
  return handleGet(request, async ({ view, cutoff }) => {
    const detail = await getCachedActionDetail(code, cutoff);
    if (!detail) return jsonError(404, "notFound", `There is no action with the code ${code}.`);
    return {
      view: viewToJson(view),
      data: { ...actionToJson(detail.action), description: detail.action.description, updates: detail.timeline.map(updateToJson) },
    };
  });
}

export const OPTIONS = preflight;
