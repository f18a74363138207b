import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { RoundRow } from "@/db/queries/rounds";
import { buttonClass, controlClass } from "@/components/ui/field";
import { getPathname } from "@/i18n/navigation";
import styles from "./dashboard.module.css";
import { DATE_STYLE, toDate } from "./dates";
import { getLocalizer } from "./translated-text";

/** A plain GET form, so comparing works without JavaScript and every comparison has its own URL. */
export async function RoundCompareForm({ rounds, from, to }: { rounds: readonly RoundRow[]; from?: string; to?: string }) {
  const locale = await getLocale();
  const [t, format, localize] = await Promise.all([getTranslations({ locale, namespace: "public" }), getFormatter({ locale }), getLocalizer(locale)]);
  if (rounds.length < 2) return <p className={styles.empty}>{t("rounds.compareNeedsTwo")}</p>;
  // Rounds come newest first: by default, compare the previous round with the latest.
  const known = (slug: string | undefined) => (slug && rounds.some((r) => r.slug === slug) ? slug : undefined);
  const fromValue = known(from) ?? rounds[1]?.slug;
  const toValue = known(to) ?? rounds[0]?.slug;
  const options = rounds.map((r) => (
    <option key={r.slug} value={r.slug}>
      {t("rounds.roundOption", { name: localize("round", r.slug, "name", r.name).text, date: format.dateTime(toDate(r.cutoffDate), DATE_STYLE) })}
    </option>
  ));
  return (
    <form method="get" action={getPathname({ href: "/rounds/compare", locale })} className={styles.filters} aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t("rounds.compareHeading")}</h2>
      <div className={styles.filterField}>
        <label htmlFor="compare-from">{t("rounds.from")}</label>
        <select id="compare-from" name="from" defaultValue={fromValue} className={controlClass}>
          {options}
        </select>
      </div>
      <div className={styles.filterField}>
        <label htmlFor="compare-to">{t("rounds.to")}</label>
        <select id="compare-to" name="to" defaultValue={toValue} className={controlClass}>
          {options}
        </select>
      </div>
      <div className={styles.filterActions}>
        <button type="submit" className={buttonClass}>
          {t("rounds.compare")}
        </button>
      </div>
    </form>
  );
}
