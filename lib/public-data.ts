import { unstable_cache } from "next/cache";
import { cache as reactCache } from "react";
import {
  getActionDetail,
  getOverview,
  getPlanState,
  getPlanSummary,
  getVisionDetail,
  listCorrections,
  listHistoryPoints,
} from "@/db/queries/public";
import { getRound, listRounds } from "@/db/queries/rounds";
import { listContentTranslations } from "@/db/queries/translations";
import { prepareDatabase } from "@/db/startup";
import { routing, type Locale } from "@/i18n/routing";
import { CACHE_TAGS } from "./cache-tags";
import type { ContentLocale } from "./vocabulary";
import { parseAsOf, type View } from "./view";

/*
 * The public dashboards read through the Next cache. Nothing here runs at
 * build time (no page is prerendered at build), so a server only ever caches
 * data from its own database; writes expire these tags. Functions that take
 * a cut-off instant cache one entry per instant.
 */

// A safety net only: writes expire the tags at once.
const REVALIDATE_SECONDS = 3600;
/** A past view (a cut-off instant that has gone by) never changes with later publications or corrections. */
const PAST_VIEW_REVALIDATE_SECONDS = 30 * 24 * 3600;

/** The cut-off instant a data function was called with, if any: the last Date argument. */
function cutoffArg(args: readonly unknown[]): Date | undefined {
  const last = args.at(-1);
  return last instanceof Date ? last : undefined;
}

/**
 * Which tags a cached read carries. `progress` data of a past view (its
 * cut-off already gone by) is immutable: nothing published or corrected
 * later counts in it, so only edits of the plan's structure (titles,
 * mapping) expire it, and its safety-net lifetime is long.
 */
export function tagsFor(kind: "structure" | "progress", cutoff: Date | undefined, now = new Date()): { tags: string[]; revalidate: number } {
  if (kind === "structure") return { tags: [CACHE_TAGS.structure], revalidate: REVALIDATE_SECONDS };
  if (cutoff && cutoff.getTime() <= now.getTime()) return { tags: [CACHE_TAGS.structure], revalidate: PAST_VIEW_REVALIDATE_SECONDS };
  return { tags: [CACHE_TAGS.structure, CACHE_TAGS.progress], revalidate: REVALIDATE_SECONDS };
}

// React's cache() makes the page's parallel sections share one read per request on a cold cache.
function cached<A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string, kind: "structure" | "progress") {
  const load = async (...args: A) => {
    await prepareDatabase();
    return fn(...args);
  };
  const live = unstable_cache(load, [key], tagsFor(kind, undefined));
  const past = unstable_cache(load, [key, "past"], tagsFor(kind, new Date(0), new Date(1)));
  return reactCache((...args: A): Promise<R> => {
    const cutoff = cutoffArg(args);
    const isPast = kind === "progress" && cutoff !== undefined && cutoff.getTime() <= Date.now();
    return (isPast ? past : live)(...args);
  });
}

export const getCachedOverview = cached(getOverview, "overview", "progress");
export const getCachedPlanSummary = cached(getPlanSummary, "plan-summary", "structure");
export const getCachedPlanState = cached(getPlanState, "plan-state", "progress");
export const getCachedActionDetail = cached(getActionDetail, "action-detail", "progress");
export const getCachedVisionDetail = cached(getVisionDetail, "vision-detail", "progress");
export const getCachedCorrections = cached(listCorrections, "corrections", "progress");
export const getCachedHistoryPoints = cached(listHistoryPoints, "history-points", "progress");
// Rounds are listed and closed with the plan's structure (closing a round expires `structure`).
export const getCachedRounds = cached(listRounds, "rounds", "structure");
export const getCachedRound = cached(getRound, "round", "structure");

/** All translations of one locale; English texts are compared with them at render time, so only their own writes expire them. */
export const getCachedContentTranslations = reactCache(
  unstable_cache(
    async (locale: ContentLocale) => {
      await prepareDatabase();
      return listContentTranslations(locale);
    },
    ["content-translations"],
    { tags: [CACHE_TAGS.translations], revalidate: REVALIDATE_SECONDS },
  ),
);

/** Separates the locale from a past view in the first URL segment: "en", "en~2025-03-01" or "en~r~q1-2025". */
export const VIEW_SEPARATOR = "~";

/**
 * Reads the `[locale]` segment of a public page. The proxy rewrites
 * `?asOf=` and `?round=` requests onto these segments, so each past view is
 * its own cacheable page while today's URLs stay untouched.
 */
export const resolveSegment = reactCache(async (segment: string): Promise<{ locale: Locale; view: View } | null> => {
  const [locale, ...rest] = decodeURIComponent(segment).split(VIEW_SEPARATOR);
  const known = routing.locales.find((l) => l === locale);
  if (!known) return null;
  if (rest.length === 0) return { locale: known, view: { kind: "live" } };
  if (rest.length === 1) {
    const date = parseAsOf(rest[0]);
    return date ? { locale: known, view: { kind: "asOf", date } } : null;
  }
  if (rest.length === 2 && rest[0] === "r" && rest[1]) {
    const round = await getCachedRound(rest[1]);
    return round ? { locale: known, view: { kind: "round", slug: round.slug, name: round.name, cutoffDate: round.cutoffDate, closedAt: round.closedAt } } : null;
  }
  return null;
});
