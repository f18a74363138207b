/**
 * Picks the reader's preferred locale from an Accept-Language header, by
 * quality value ("zh-CN,zh;q=0.9,en;q=0.8" → "zh"). Only the primary
 * language subtag matters: every Chinese variant gets Simplified Chinese.
 */
export function negotiateLocale<L extends string>(header: string | null | undefined, locales: readonly L[], fallback: L): L {
  if (!header) return fallback;
  let best: { locale: L; q: number } | null = null;
  for (const part of header.split(",")) {
    const [tag = "", ...params] = part.trim().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    if (!Number.isFinite(quality) || quality <= 0) continue;
    const primary = tag.trim().toLowerCase().split("-")[0];
    const locale = locales.find((l) => l === primary);
    if (locale && (!best || quality > best.q)) best = { locale, q: quality };
  }
  return best?.locale ?? fallback;
}

/** Set when a reader picks a language, so their choice beats Accept-Language from then on. */
export const LOCALE_COOKIE = "NEXT_LOCALE";
