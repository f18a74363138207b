import { getTranslations } from "next-intl/server";
import { getCachedOverview } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { FormattedDate } from "./formatted-date";
import { viewCutoff, type ViewProps } from "./view-data";

/** The page's heading: which plan this is, when and where it was announced, and where it comes from. */
export async function PlanIntro({ locale, view }: ViewProps) {
  const [{ plan }, t] = await Promise.all([getCachedOverview(viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
  if (!plan) {
    return (
      <header className={styles.header}>
        <h1>{t("overview.fallbackTitle")}</h1>
      </header>
    );
  }
  return (
    <header className={styles.header}>
      <p className={styles.eyebrow}>{t("overview.eyebrow")}</p>
      <h1>{plan.title}</h1>
      <p className={styles.lede}>{plan.description}</p>
      <dl className={styles.facts}>
        {plan.announcedOn ? (
          <>
            <dt>{t("fields.announcedOn")}</dt>
            <dd>
              <FormattedDate value={plan.announcedOn} />
            </dd>
          </>
        ) : null}
        {plan.announcedAt ? (
          <>
            <dt>{t("fields.announcedAt")}</dt>
            <dd>{plan.announcedAt}</dd>
          </>
        ) : null}
        <dt>{t("fields.source")}</dt>
        <dd>
          {plan.sourceUrl ? (
            <a href={plan.sourceUrl} rel="noopener noreferrer">
              {t("common.sourceLink")}
            </a>
          ) : (
            <span className="muted">{t("common.noSource")}</span>
          )}
        </dd>
      </dl>
    </header>
  );
}
