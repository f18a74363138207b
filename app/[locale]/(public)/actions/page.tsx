import type { Metadata } from "next";
import { ActionsListPage, actionsListMetadata } from "@/components/dashboard/actions-list-page";

/*
 * The unfiltered list, cached like every public page. A filtered list
 * (?status=, ?vision=) is rewritten by the proxy onto ./filter/[filter].
 */
type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return actionsListMetadata((await params).locale);
}

export default async function ActionsPage({ params }: Props) {
  return <ActionsListPage segment={(await params).locale} filters={{}} />;
}
