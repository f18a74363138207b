import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SubmissionRow } from "@/db/queries/updates";
import styles from "./admin.module.css";
import { UpdateBody } from "./update-body";

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
      <UpdateBody row={row} labels={{ narrative: t("narrative"), evidence: t("evidence"), noEvidence: t("noEvidence") }} />
    </>
  );
}
