import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Suspense } from "react";
import { ActionsIndex } from "@/components/dashboard/actions-index";
import styles from "@/components/dashboard/dashboard.module.css";
import { SectionFallback } from "@/components/dashboard/section-fallback";
import { resolveSegment } from "@/lib/public-data";
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
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.actions") };
}

export default async function FilteredActionsPage({ params }: Props) {
  const { locale: segment, filter } = await params;
  const ctx = await resolveSegment(segment);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale, view } = ctx;
  const t = await getTranslations({ locale, namespace: "public" });
  return (
    <>
      <header className={styles.header}>
        <h1>{t("actions.title")}</h1>
        <p className={styles.lede}>{t("actions.intro")}</p>
      </header>
      <Suspense fallback={<SectionFallback minHeight="24rem" />}>
        <ActionsIndex locale={locale} view={view} filters={parseQuerySegment(filter, ACTION_FILTER_KEYS)} />
      </Suspense>
    </>
  );
}
