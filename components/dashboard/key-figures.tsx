import { getFormatter, getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedOverview } from "@/lib/public-data";
import { DISPLAY_STATUSES, NOT_YET_ASSESSED } from "@/lib/vocabulary";
import styles from "./dashboard.module.css";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewParams } from "./view-links";

export async function KeyFigures({ locale, view }: ViewProps) {
  const [overview, t, format] = await Promise.all([
    getCachedOverview(viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getFormatter({ locale }),
  ]);
  const total = overview.actions.length;
  const assessed = total - overview.statusCounts[NOT_YET_ASSESSED];
  return (
    <>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>{t("overview.figureActions")}</dt>
          <dd>{format.number(total)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>{t("overview.figureVisions")}</dt>
          <dd>{format.number(overview.visions.length)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>{t("overview.figureAverage")}</dt>
          <dd>{t("common.percent", { value: overview.averagePercent })}</dd>
          <dd className={styles.figureHint}>{t("overview.figureAverageHint")}</dd>
        </div>
        <div className={styles.figure}>
          <dt>{t("overview.figureAssessed")}</dt>
          <dd>{t("overview.figureAssessedValue", { assessed, total })}</dd>
        </div>
      </dl>
      <h3>{t("overview.byStatusHeading")}</h3>
      <ul className={styles.statusCounts}>
        {DISPLAY_STATUSES.map((status) => (
          <li key={status}>
            <Link href={{ pathname: "/actions", query: { status, ...viewParams(view) } }}>
              <StatusBadge status={status} />
              <span className={styles.countValue}>{format.number(overview.statusCounts[status])}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
