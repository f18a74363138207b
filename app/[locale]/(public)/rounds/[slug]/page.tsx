import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/dashboard/dashboard.module.css";
import { FormattedDate } from "@/components/dashboard/formatted-date";
import { getLocalizer, TranslatedNotice } from "@/components/dashboard/translated-text";
import { OverviewSections } from "@/components/dashboard/overview-sections";
import { roundView } from "@/components/dashboard/view-links";
import { ViewBanner } from "@/components/dashboard/view-banner";
import { getCachedRound, resolveSegment } from "@/lib/public-data";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on first request and cached, a 404 for a round not closed yet included.
// That 404 is tied to the structure tag because load() reads the round through the
// tagged cache before notFound(); closing a round expires the tag (on every instance),
// so the round shows on the next request (e2e/history.spec.ts). Keep that order.
export function generateStaticParams(): { slug: string }[] {
  return [];
}
export const dynamicParams = true;

async function load(params: Props["params"]) {
  const { locale: segment, slug } = await params;
  const ctx = await resolveSegment(segment);
  // A round is already a fixed view; nesting it in another past view means nothing.
  if (!ctx || ctx.view.kind !== "live") return null;
  const round = await getCachedRound(slug);
  return round ? { locale: ctx.locale, round } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params);
  if (!loaded) return {};
  const [t, localize] = await Promise.all([getTranslations({ locale: loaded.locale, namespace: "public" }), getLocalizer(loaded.locale)]);
  const name = localize("round", loaded.round.slug, "name", loaded.round.name).text;
  return { title: t("meta.round", { name }) };
}

export default async function RoundPage({ params }: Props) {
  const loaded = await load(params);
  if (!loaded) notFound();
  const { locale, round } = loaded;
  setRequestLocale(locale);
  const [t, localize] = await Promise.all([getTranslations({ locale, namespace: "public" }), getLocalizer(locale)]);
  const view = roundView(round);
  return (
    <>
      <ViewBanner view={view} todayHref="/" />
      <header className={styles.header}>
        <p className={styles.eyebrow}>{t("round.eyebrow")}</p>
        <h1>{t("round.title", { name: localize("round", round.slug, "name", round.name).text })}</h1>
        <TranslatedNotice block locale={locale} entity="round" entityKey={round.slug} field="name" text={round.name} />
        <dl className={styles.facts}>
          <dt>{t("fields.cutoffDate")}</dt>
          <dd>
            <FormattedDate value={round.cutoffDate} />
          </dd>
          <dt>{t("fields.closedOn")}</dt>
          <dd>
            <FormattedDate value={round.closedAt} />
          </dd>
        </dl>
      </header>
      <OverviewSections locale={locale} view={view} />
    </>
  );
}
