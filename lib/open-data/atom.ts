import type { PublicUpdate } from "@/db/queries/public";
import statusMessages from "@/messages/en/status.json";
import type { ProgressStatus } from "@/lib/vocabulary";

/*
 * Atom 1.0 (RFC 4287) feeds of published updates. Feed readers show the
 * title and summary as plain text, so both are escaped, never marked up.
 */

export const ATOM_CONTENT_TYPE = "application/atom+xml; charset=utf-8";
export const FEED_LIMIT = 50;

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

// Control characters other than tab and line ends are not allowed anywhere in XML 1.0.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, "").replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export function statusLabel(status: ProgressStatus): string {
  return statusMessages[status];
}

export function entryTitle(u: Pick<PublicUpdate, "actionCode" | "status" | "percent">): string {
  return `${u.actionCode}: ${statusLabel(u.status)} ${u.percent}%`;
}

function entrySummary(u: PublicUpdate): string {
  const notes: string[] = [];
  if (u.correction?.kind === "retracted") notes.push(`[Retracted: ${u.correction.reason}]`);
  if (u.correction?.kind === "corrected") {
    notes.push(`[Corrected${u.correction.replacementId ? ` by update ${u.correction.replacementId}` : ""}: ${u.correction.reason}]`);
  }
  if (u.correctsId) notes.push(`[Correction of update ${u.correctsId}]`);
  if (u.illustrative) notes.push("[Illustrative: demonstration assessment, not an official finding]");
  return [...notes, u.narrative].join(" ");
}

function entryUpdated(u: PublicUpdate): string {
  // A correction changes what the entry says, so readers should see it again.
  return u.correction && u.correction.at > u.publishedAt ? u.correction.at : u.publishedAt;
}

export type FeedInput = {
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page the feed mirrors. */
  pageUrl: string;
  /** The site origin, for entry links. */
  origin: string;
  title: string;
  subtitle: string;
  updates: readonly PublicUpdate[];
  /** Used when there are no entries yet. */
  fallbackUpdated: string;
};

export function buildAtomFeed(input: FeedInput): string {
  const { origin } = input;
  const updated = input.updates.map(entryUpdated).sort().at(-1) ?? input.fallbackUpdated;
  const host = new URL(origin).hostname;
  const entries = input.updates.map((u) => {
    const link = `${origin}/actions/${encodeURIComponent(u.actionCode)}#update-${u.id}`;
    const title = `${entryTitle(u)}${u.correction ? ` (${u.correction.kind})` : ""}`;
    return [
      "  <entry>",
      `    <id>tag:${escapeXml(host)},2025:update-${u.id}</id>`,
      `    <title type="text">${escapeXml(title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
      `    <published>${escapeXml(u.publishedAt)}</published>`,
      `    <updated>${escapeXml(entryUpdated(u))}</updated>`,
      `    <category term="${escapeXml(u.status)}" label="${escapeXml(statusLabel(u.status))}"/>`,
      `    <summary type="text">${escapeXml(entrySummary(u))}</summary>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(input.selfUrl)}</id>`,
    `  <title type="text">${escapeXml(input.title)}</title>`,
    `  <subtitle type="text">${escapeXml(input.subtitle)}</subtitle>`,
    `  <updated>${escapeXml(updated)}</updated>`,
    `  <author><name>Plan Tracker</name><uri>${escapeXml(origin)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(input.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(input.pageUrl)}"/>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
