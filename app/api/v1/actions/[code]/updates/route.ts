import { preflight, withApiErrors } from "@/lib/api";
import { createUpdateFromRequest } from "@/lib/api-write";

type Context = { params: Promise<{ code: string }> };

export async function POST(request: Request, { params }: Context): Promise<Response> {
  const { code } = await params;
  return withApiErrors(() => createUpdateFromRequest(request, code));
}

export const OPTIONS = preflight;
