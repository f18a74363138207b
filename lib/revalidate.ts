import { updateTag } from "next/cache";
import { CACHE_TAGS } from "./cache-tags";
import { publishTags } from "./server/cache-bus";
import { dropResponseCache } from "./server/response-cache";

/*
 * Called by server actions after a committed write: updateTag makes the
 * writer's next page view fresh on this instance, and the cache bus tells
 * every other instance over Postgres (LISTEN/NOTIFY) to expire the same tag.
 */
function expire(tag: string): void {
  updateTag(tag);
  dropResponseCache();
  void publishTags([tag]);
}

export function expireProgress(): void {
  expire(CACHE_TAGS.progress);
}

export function expireStructure(): void {
  expire(CACHE_TAGS.structure);
}

export function expireTranslations(): void {
  expire(CACHE_TAGS.translations);
}
