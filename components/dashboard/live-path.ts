/**
 * The live twin of a path the browser shows: a past-view segment
 * ("/en~2025-03-01/actions") only appears when someone typed it, and it
 * must not survive into a link that promises "today".
 *
 * Kept apart from view-links.ts, which reaches the validation code (zod):
 * the browser bundle of every public page imports this through TodayLink.
 */
export function livePath(pathname: string): string {
  const [first = "", ...rest] = pathname.split("/").filter(Boolean);
  const path = first.includes("~") ? rest : [first, ...rest].filter(Boolean);
  return `/${path.join("/")}`;
}
