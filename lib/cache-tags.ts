/** Tags on the cached public data; a write invalidates the tags whose data it changed. */
export const CACHE_TAGS = {
  /** Titles, descriptions, dates, flags and the action–vision mapping. */
  structure: "plan-structure",
  /** Published updates and everything derived from them. */
  progress: "plan-progress",
  /** Translations of titles, descriptions, narratives and round names. */
  translations: "content-translations",
} as const;
