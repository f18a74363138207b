import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SubmissionRow } from "@/db/queries/updates";
import styles from "./admin.module.css";

// Links were checked on submission; this guards rows written by other means.
const isHttp = (url: string) => /^https?:\/\//i.test(url);

/**
 * A published update as the public sees it. The percent is plain text, not
 * a labelled meter, so "Percent complete" inside the article names only the
 * correction form's field.
 */
export async function CorrectionDetails({ locale, row }: { locale: string; row: SubmissionRow }) {
  const [t, tCommon, format] = await Promise.all([
    getTranslations({ locale, namespace: "admin.corrections" }),
    getTranslations({ locale, namespace: "common" }),
    getFormatter({ locale }),
  ]);
  return (
    <>
      <dl className={styles.meta}>
        <div>
          <dt>{t("occurredOn")}</dt>
          <dd>
            <time dateTime={row.occurredOn}>{format.dateTime(new Date(`${row.occurredOn}T00:00:00Z`), { dateStyle: "medium" })}</time>
          </dd>
        </div>
        <div>
          <dt>{t("publishedOn")}</dt>
          <dd>
            {row.reviewedAt ? (
              <time dateTime={row.reviewedAt}>{format.dateTime(new Date(row.reviewedAt), { dateStyle: "medium", timeStyle: "short" })}</time>
            ) : (
              tCommon("noValue")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("status")}</dt>
          <dd>
            <StatusBadge status={row.status} />
          </dd>
        </div>
        <div>
          <dt>{t("percent")}</dt>
          <dd>{tCommon("percent", { value: row.percent })}</dd>
        </div>
        <div>
          <dt>{t("author")}</dt>
          <dd>{row.authorName}</dd>
        </div>
      </dl>
      <h3 className={styles.subheading}>{t("narrative")}</h3>
      <p className={styles.narrative}>{row.narrative}</p>
      <h3 className={styles.subheading}>{t("evidence")}</h3>
      {row.evidenceLinks.length === 0 ? (
        <p className="muted">{t("noEvidence")}</p>
      ) : (
        <ul className={styles.links}>
          {row.evidenceLinks.map((link, i) => (
            <li key={`${i}-${link.url}`}>
              {isHttp(link.url) ? (
                <a href={link.url} rel="noopener noreferrer nofollow">
                  {link.label ?? link.url}
                </a>
              ) : (
                (link.label ?? link.url)
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
