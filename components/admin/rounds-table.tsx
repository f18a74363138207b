import { getFormatter, getTranslations } from "next-intl/server";
import type { RoundRow } from "@/db/queries/rounds";
import { Link } from "@/i18n/navigation";
import styles from "./admin.module.css";

export async function RoundsTable({ locale, rounds }: { locale: string; rounds: RoundRow[] }) {
  const [t, tCommon, format] = await Promise.all([
    getTranslations({ locale, namespace: "admin.rounds" }),
    getTranslations({ locale, namespace: "common" }),
    getFormatter({ locale }),
  ]);
  if (rounds.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <div className={styles.tableWrap}>
      <table className="data-table">
        <caption className="visually-hidden">{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("colName")}</th>
            <th scope="col">{t("colSlug")}</th>
            <th scope="col">{t("colCutoff")}</th>
            <th scope="col">{t("colClosedAt")}</th>
            <th scope="col">{t("colClosedBy")}</th>
            <th scope="col">{t("publicPage")}</th>
          </tr>
        </thead>
        <tbody>
          {rounds.map((r) => (
            <tr key={r.slug}>
              <th scope="row">{r.name}</th>
              <td>
                <code>{r.slug}</code>
              </td>
              <td>
                <time dateTime={r.cutoffDate}>{format.dateTime(new Date(`${r.cutoffDate}T00:00:00Z`), { dateStyle: "medium" })}</time>
              </td>
              <td>
                <time dateTime={r.closedAt}>{format.dateTime(new Date(r.closedAt), { dateStyle: "medium", timeStyle: "short" })}</time>
              </td>
              <td>{r.closedByName ?? tCommon("noValue")}</td>
              <td>
                <Link href={`/rounds/${r.slug}`}>/rounds/{r.slug}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
