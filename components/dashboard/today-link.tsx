"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import { Link, usePathname } from "@/i18n/navigation";
import { livePath } from "./live-path";

const subscribeNever = () => () => {};

/**
 * Links to the page the reader is on, as it stands today. The server
 * cannot know that path (a past view is a rewrite of it), so the server
 * and the hydrating browser render the fallback, and the browser then
 * switches to its own path; without JavaScript the fallback stays.
 */
export function TodayLink({ fallbackHref, children }: { fallbackHref: string; children: ReactNode }) {
  const pathname = usePathname();
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
  return <Link href={hydrated ? livePath(pathname) : fallbackHref}>{children}</Link>;
}
