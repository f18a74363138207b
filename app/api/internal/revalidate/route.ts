import { revalidateTag } from "next/cache";
import { isValidSecret, knownTags, SECRET_HEADER } from "@/lib/server/cache-bus";
import { dropResponseCache } from "@/lib/server/response-cache";

export const dynamic = "force-dynamic";

/*
 * Called only by this process's own cache bus (lib/server/cache-bus.ts),
 * over loopback, when another instance wrote: the secret is random per
 * process and never leaves it. `expire: 0` expires the tags at once, so the
 * next request renders fresh instead of serving the stale page once more.
 */
export async function POST(request: Request): Promise<Response> {
  if (!isValidSecret(request.headers.get(SECRET_HEADER))) return new Response(null, { status: 404 });
  let body: { tags?: unknown };
  try {
    body = (await request.json()) as typeof body;
  } catch {
    return new Response(null, { status: 400 });
  }
  const tags = knownTags(body.tags);
  for (const tag of tags) revalidateTag(tag, { expire: 0 });
  dropResponseCache();
  return Response.json({ revalidated: tags }, { headers: { "Cache-Control": "no-store" } });
}
