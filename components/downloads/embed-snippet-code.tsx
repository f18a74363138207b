"use client";

import { useSyncExternalStore } from "react";
import { embedSnippet } from "./embed-snippet";

const subscribe = () => () => {};

/**
 * One snippet. The page is cached, so it cannot know the Host a reader came
 * through: without a configured origin it is rendered with a relative src
 * and completed with the browser's origin once hydrated.
 */
export function EmbedSnippetCode({ origin, path, name, height }: { origin: string | null; path: string; name: string; height: number }) {
  const browserOrigin = useSyncExternalStore(
    subscribe,
    () => window.location.origin,
    () => "",
  );
  return <code>{embedSnippet({ origin: origin ?? browserOrigin, path, name, height })}</code>;
}
