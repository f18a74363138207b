import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SubmissionRow } from "@/db/queries/updates";
import type { ReviewState } from "@/lib/vocabulary";
import styles from "./admin.module.css";

export const REVIEW_TONES: Record<ReviewState, BadgeTone> = { submitted: "info", published: "success", rejected: "danger" };

/** The analyst's own submissions; a rejected one shows the reviewer's reason in full. */
export async function SubmissionsTable({ locale, rows }: { locale: string; rows: SubmissionRow[] }) {
  const [t, tStatus, tCommon, format] = await Promise.all([
    getTranslations({ locale, namespace: "admin.submissions" }),
    getTranslations({ locale, namespace: "status" }),
    getTranslations({ locale, namespace: "common" }),
    getFormatter({ locale }),
  ]);
  if (rows.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <div className={styles.tableWrap}>
      <table className="data-table">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("submittedOn")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("percent")}</th>
            <th scope="col">{t("review")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                <time dateTime={r.createdAt}>{format.dateTime(new Date(r.createdAt), { dateStyle: "medium", timeStyle: "short" })}</time>
              </td>
              <th scope="row">
                {r.actionCode} <span className={styles.subtle}>{r.actionTitle}</span>
              </th>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{tCommon("percent", { value: r.percent })}</td>
              <td>
                <Badge tone={REVIEW_TONES[r.reviewState]}>{tStatus(`review.${r.reviewState}`)}</Badge>
                {r.reviewState === "rejected" && r.reviewNote ? (
                  <p className={styles.reason}>
                    <strong>{t("reason")}</strong> {r.reviewNote}
                  </p>
                ) : null}
                {r.reviewState !== "submitted" && r.reviewerName ? <p className={styles.subtle}>{t("reviewedBy", { name: r.reviewerName })}</p> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
