import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SubmissionRow } from "@/db/queries/updates";
import styles from "./admin.module.css";
import { UpdateBody } from "./update-body";

/** What a reviewer needs to judge one submission; the narrative is shown as plain text. */
export async function ReviewDetails({ locale, row }: { locale: string; row: SubmissionRow }) {
  const [t, format] = await Promise.all([getTranslations({ locale, namespace: "admin.review" }), getFormatter({ locale })]);
  return (
    <>
      <dl className={styles.meta}>
        <div>
          <dt>{t("author")}</dt>
          <dd>
            {row.authorName} <span className={styles.subtle}>({row.authorEmail})</span>
          </dd>
        </div>
        <div>
          <dt>{t("submittedOn")}</dt>
          <dd>
            <time dateTime={row.createdAt}>{format.dateTime(new Date(row.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
          </dd>
        </div>
        <div>
          <dt>{t("occurredOn")}</dt>
          <dd>
            <time dateTime={row.occurredOn}>{format.dateTime(new Date(`${row.occurredOn}T00:00:00Z`), { dateStyle: "medium" })}</time>
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
          <dd>
            <ProgressMeter value={row.percent} label={t("percent")} />
          </dd>
        </div>
      </dl>
      <UpdateBody row={row} labels={{ narrative: t("narrative"), evidence: t("evidence"), noEvidence: t("noEvidence") }} />
    </>
  );
}
