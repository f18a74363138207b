/**
 * A query string carried as one path segment, so each distinct filter or
 * comparison is its own cacheable page (issue #7). The proxy writes it
 * ("status=on_track&vision=V1"), the page reads it back; visible URLs keep
 * their query strings.
 */

/** The given keys of a query, first value each, in a fixed order: one segment per distinct view. */
export function querySegment(params: URLSearchParams, keys: readonly string[]): string {
  const picked = new URLSearchParams();
  for (const key of keys) {
    const value = params.get(key);
    if (value !== null) picked.set(key, value);
  }
  return picked.toString();
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Reads a segment written by querySegment back into plain values; unknown keys are dropped. */
export function parseQuerySegment(segment: string, keys: readonly string[]): Record<string, string | undefined> {
  // The router may hand the segment over still percent-encoded ("status%3Don_track").
  const text = segment.includes("=") ? segment : safeDecode(segment);
  const params = new URLSearchParams(text);
  const out: Record<string, string | undefined> = {};
  for (const key of keys) out[key] = params.get(key) ?? undefined;
  return out;
}

export const ACTION_FILTER_KEYS = ["status", "vision"] as const;
export const COMPARE_KEYS = ["from", "to"] as const;
