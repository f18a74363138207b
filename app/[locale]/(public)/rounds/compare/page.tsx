import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import styles from "@/components/dashboard/dashboard.module.css";
import type { SearchParamValue } from "@/components/dashboard/filters";
import { RoundCompareForm } from "@/components/dashboard/round-compare-form";
import { RoundComparison } from "@/components/dashboard/round-comparison";
import { Link } from "@/i18n/navigation";
import { getCachedRounds, resolveSegment } from "@/lib/public-data";

// The pair of rounds is in the query string, which an ISR page cannot vary by; the data underneath stays cached.
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, SearchParamValue>>;
};

function first(value: SearchParamValue): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v?.trim() || undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) return {};
  const t = await getTranslations({ locale: ctx.locale, namespace: "public" });
  return { title: t("meta.compare"), robots: { index: false, follow: true } };
}

export default async function CompareRoundsPage({ params, searchParams }: Props) {
  const ctx = await resolveSegment((await params).locale);
  if (!ctx) notFound();
  setRequestLocale(ctx.locale);
  const { locale } = ctx;
  const [query, rounds, t] = await Promise.all([searchParams, getCachedRounds(), getTranslations({ locale, namespace: "public" })]);
  const fromSlug = first(query.from);
  const toSlug = first(query.to);
  const from = rounds.find((r) => r.slug === fromSlug);
  const to = rounds.find((r) => r.slug === toSlug);
  // An unknown or missing round is the reader's input, not a server fault: say which, and offer the form again.
  const problems = [fromSlug && !from ? fromSlug : null, toSlug && !to ? toSlug : null].filter((s): s is string => s !== null);
  return (
    <>
      <header className={styles.header}>
        <h1>{t("compare.title")}</h1>
        <p className={styles.lede}>{t("compare.intro")}</p>
      </header>
      {problems.length > 0 ? (
        <div className={styles.notice} role="alert">
          {[...new Set(problems)].map((slug) => (
            <p key={slug}>{t("compare.unknown", { slug })}</p>
          ))}
        </div>
      ) : null}
      {!fromSlug || !toSlug ? <p>{t("compare.chooseTwo")}</p> : null}
      <RoundCompareForm rounds={rounds} from={from?.slug} to={to?.slug} />
      {from && to ? <RoundComparison locale={locale} from={from} to={to} /> : null}
      <p>
        <Link href="/rounds">{t("compare.backToRounds")}</Link>
      </p>
    </>
  );
}
