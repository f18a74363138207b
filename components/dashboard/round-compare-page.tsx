import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { Link } from "@/i18n/navigation";
import { getCachedRounds } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { RoundCompareForm } from "./round-compare-form";
import { RoundComparison } from "./round-comparison";

function first(value: string | undefined): string | undefined {
  return value?.trim() || undefined;
}

/** The compare page's body, for the bare page and for a pair carried on the path (?from=&to=). */
export async function RoundComparePage({ locale, query }: { locale: Locale; query: { from?: string; to?: string } }) {
  const [rounds, t] = await Promise.all([getCachedRounds(), getTranslations({ locale, namespace: "public" })]);
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
