import type { Metadata } from "next";
import { ActionsListPage, actionsListMetadata } from "@/components/dashboard/actions-list-page";
import { ACTION_FILTER_KEYS, parseQuerySegment } from "@/lib/query-segment";

/*
 * A filtered list of actions: the proxy rewrites /actions?status=…&vision=…
 * onto /actions/filter/status=…&vision=…, so each filter is its own cached
 * page. Unknown values are ignored, as on the query string.
 */
type Props = { params: Promise<{ locale: string; filter: string }> };

// Rendered on first request from the server's own database, never at build time.
export function generateStaticParams(): { filter: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return actionsListMetadata((await params).locale);
}

export default async function FilteredActionsPage({ params }: Props) {
  const { locale, filter } = await params;
  return <ActionsListPage segment={locale} filters={parseQuerySegment(filter, ACTION_FILTER_KEYS)} />;
}
