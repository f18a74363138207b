import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCachedRounds } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { Translated, TranslatedNotice } from "./translated-text";
import { FormattedDate } from "./formatted-date";
import { RoundCompareForm } from "./round-compare-form";
import { TableScroll } from "./table-scroll";

/** The closed reporting rounds, newest first, and the form to compare two of them. */
export async function RoundsList({ locale }: { locale: string }) {
  const [rounds, t] = await Promise.all([getCachedRounds(), getTranslations({ locale, namespace: "public" })]);
  if (rounds.length === 0) return <p className={styles.empty}>{t("rounds.empty")}</p>;
  return (
    <>
      <TableScroll captionId="rounds-caption">
        <table className="data-table">
          <caption id="rounds-caption">{t("rounds.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.name")}</th>
              <th scope="col">{t("fields.cutoffDate")}</th>
              <th scope="col">{t("fields.closedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.slug}>
                <th scope="row">
                  <Link href={`/rounds/${encodeURIComponent(r.slug)}`}>
                    <Translated locale={locale} entity="round" entityKey={r.slug} field="name" text={r.name} notice={false} />
                  </Link>{" "}
                  <TranslatedNotice locale={locale} entity="round" entityKey={r.slug} field="name" text={r.name} />
                </th>
                <td>
                  <FormattedDate value={r.cutoffDate} />
                </td>
                <td>
                  <FormattedDate value={r.closedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <div className={styles.section}>
        <RoundCompareForm rounds={rounds} />
      </div>
    </>
  );
}
