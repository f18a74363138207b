import { updateTag } from "next/cache";
import { CACHE_TAGS } from "./cache-tags";

/** Called by server actions after a committed write, so the writer's next page view is fresh. */
export function expireProgress(): void {
  updateTag(CACHE_TAGS.progress);
}

export function expireStructure(): void {
  updateTag(CACHE_TAGS.structure);
}

export function expireTranslations(): void {
  updateTag(CACHE_TAGS.translations);
}
