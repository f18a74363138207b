import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { getCachedOverview } from "@/lib/public-data";
import { referenceTime } from "@/lib/view";
import styles from "./dashboard.module.css";
import { Translated, TranslatedNotice } from "./translated-text";
import { FormattedDate } from "./formatted-date";
import { overdueActions } from "./overdue";
import { TableScroll } from "./table-scroll";
import { UnverifiedBadge } from "./verification-badge";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

/** Actions whose expected update is late at the view's moment, most overdue first. */
export async function OverdueActions({ locale, view }: ViewProps) {
  const [overview, t] = await Promise.all([getCachedOverview(viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
  const rows = overdueActions(overview.actions, referenceTime(view), overview.plan?.announcedOn ?? null);
  return (
    <>
      <p className="muted">{t("overview.overdueIntro")}</p>
      {rows.length === 0 ? (
        <p className={styles.empty}>{t("overview.overdueEmpty")}</p>
      ) : (
        <TableScroll captionId="overdue-caption">
          <table className="data-table">
            <caption id="overdue-caption">{t("overview.overdueCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.code")}</th>
                <th scope="col">{t("fields.title")}</th>
                <th scope="col">{t("fields.lastUpdated")}</th>
                <th scope="col">{t("fields.daysSince")}</th>
                <th scope="col">{t("fields.interval")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ action: a, staleness: s }) => (
                <tr key={a.code}>
                  <th scope="row">
                    <Link href={viewHref(`/actions/${a.code}`, view)}>{a.code}</Link>
                  </th>
                  <td>
                    <span className={styles.titleCell}>
                      <Link href={viewHref(`/actions/${a.code}`, view)}>
                        <Translated locale={locale} entity="action" entityKey={a.code} field="title" text={a.title} notice={false} />
                      </Link>
                      <TranslatedNotice locale={locale} entity="action" entityKey={a.code} field="title" text={a.title} />
                      <UnverifiedBadge verified={a.verified} />
                    </span>
                  </td>
                  <td>{a.updatedAt ? <FormattedDate value={a.updatedAt} /> : t("staleness.never")}</td>
                  <td>
                    {s.neverUpdated ? t("staleness.sinceAnnouncement", { days: s.daysSince }) : t("staleness.daysAgo", { days: s.daysSince })}
                  </td>
                  <td>{t("common.everyDays", { days: a.updateIntervalDays })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
