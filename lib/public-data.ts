import { unstable_cache } from "next/cache";
import { cache as reactCache } from "react";
import { getActionDetail, getOverview, getPlanState, getVisionDetail } from "@/db/queries/public";
import { prepareDatabase } from "@/db/startup";
import { CACHE_TAGS } from "./cache-tags";

/*
 * The public dashboards read through the Next cache. Nothing here runs at
 * build time (no page is prerendered at build), so a server only ever caches
 * data from its own database; writes expire these tags.
 */

const allTags = [CACHE_TAGS.structure, CACHE_TAGS.progress];
// A safety net only: writes expire the tags at once.
const REVALIDATE_SECONDS = 3600;

// React's cache() makes the page's parallel sections share one read per request on a cold cache.
function cached<A extends unknown[], R>(fn: (...args: A) => Promise<R>, key: string) {
  return reactCache(unstable_cache(
    async (...args: A) => {
      await prepareDatabase();
      return fn(...args);
    },
    [key],
    { tags: allTags, revalidate: REVALIDATE_SECONDS },
  ));
}

export const getCachedOverview = cached(getOverview, "overview");
export const getCachedPlanState = cached(getPlanState, "plan-state");
export const getCachedActionDetail = cached(getActionDetail, "action-detail");
export const getCachedVisionDetail = cached(getVisionDetail, "vision-detail");
