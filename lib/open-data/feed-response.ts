import type { PublicUpdate } from "@/db/queries/public";
import { PUBLIC_CACHE_CONTROL } from "@/lib/api";
import { ATOM_CONTENT_TYPE, buildAtomFeed } from "./atom";

/** The feed as an HTTP response; links are absolute, built from the origin the reader used. */
export function atomResponse(request: Request, page: string, title: string, subtitle: string, updates: readonly PublicUpdate[]): Response {
  const url = new URL(request.url);
  const origin = url.origin;
  const xml = buildAtomFeed({
    selfUrl: `${origin}${url.pathname}`,
    pageUrl: `${origin}${page}`,
    origin,
    title,
    subtitle,
    updates,
    fallbackUpdated: new Date().toISOString(),
  });
  return new Response(xml, { headers: { "Content-Type": ATOM_CONTENT_TYPE, "Cache-Control": PUBLIC_CACHE_CONTROL } });
}
