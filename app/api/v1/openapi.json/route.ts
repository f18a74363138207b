import { cachedJson, preflight, PUBLIC_CACHE_CONTROL } from "@/lib/api";
import { buildOpenApiDocument } from "@/lib/openapi";

export function GET(request: Request): Response {
  return cachedJson(request, buildOpenApiDocument(), PUBLIC_CACHE_CONTROL);
}

export const OPTIONS = preflight;
