import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import type { View } from "@/lib/view";
import styles from "./dashboard.module.css";
import { DatedText } from "./formatted-date";
import { TodayLink } from "./today-link";
import { getLocalizer, TranslationNotice } from "./translated-text";

/**
 * Tells the reader, before anything else on the page, that they are
 * looking at the past: which moment, and how to get back to today.
 */
export async function ViewBanner({
  view,
  todayHref,
}: {
  view: View;
  /** Where "today" is; by default the page the reader is on, live. */
  todayHref?: string;
}) {
  if (view.kind === "live") return null;
  const locale = await getLocale();
  const [t, localize] = await Promise.all([getTranslations({ locale, namespace: "public" }), getLocalizer(locale)]);
  const name = view.kind === "round" ? localize("round", view.slug, "name", view.name) : null;
  const today = t("banner.today");
  return (
    <section className={styles.banner} aria-label={t("banner.label")}>
      <p className={styles.bannerText}>
        {view.kind === "asOf" ? (
          <DatedText messageKey="banner.asOf" value={view.date} />
        ) : (
          <>
            <DatedText messageKey="banner.round" value={view.cutoffDate} values={{ name: name?.text ?? view.name }} />
            {name && (name.state === "outdated" || name.state === "missing") ? (
              <>
                {" "}
                <TranslationNotice state={name.state} />
              </>
            ) : null}
          </>
        )}
      </p>
      <ul className={styles.bannerLinks}>
        <li>{todayHref ? <Link href={todayHref}>{today}</Link> : <TodayLink fallbackHref="/">{today}</TodayLink>}</li>
        {view.kind === "round" ? (
          <li>
            <Link href="/rounds">{t("banner.rounds")}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
