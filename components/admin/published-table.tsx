import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import type { SubmissionRow } from "@/db/queries/updates";
import styles from "./admin.module.css";

export async function PublishedTable({ locale, rows }: { locale: string; rows: SubmissionRow[] }) {
  const [t, tCommon, format] = await Promise.all([
    getTranslations({ locale, namespace: "admin.review" }),
    getTranslations({ locale, namespace: "common" }),
    getFormatter({ locale }),
  ]);
  if (rows.length === 0) return <p className="muted">{t("recentEmpty")}</p>;
  return (
    <div className={styles.tableWrap}>
      <table className="data-table">
        <caption className="visually-hidden">{t("recentCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reviewedOn")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("percent")}</th>
            <th scope="col">{t("author")}</th>
            <th scope="col">{t("reviewer")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>
                {r.reviewedAt ? (
                  <time dateTime={r.reviewedAt}>{format.dateTime(new Date(r.reviewedAt), { dateStyle: "medium", timeStyle: "short" })}</time>
                ) : (
                  tCommon("noValue")
                )}
              </td>
              <th scope="row">
                {r.actionCode} <span className={styles.subtle}>{r.actionTitle}</span>
              </th>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>{tCommon("percent", { value: r.percent })}</td>
              <td>{r.authorName}</td>
              <td>{r.reviewerName ?? tCommon("noValue")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
