import { getFormatter, getTranslations } from "next-intl/server";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedVisionDetail } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { Translated, TranslatedNotice } from "./translated-text";
import { TableScroll } from "./table-scroll";
import { UnverifiedBadge } from "./verification-badge";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

/*
 * The sections of a vision's page. Each loads the vision through the shared
 * cache so that each streams on its own; the page has already checked that
 * the vision exists, so a missing one here renders nothing.
 */

type SectionProps = ViewProps & { code: string };

export async function VisionRollup({ locale, view, code }: SectionProps) {
  const [detail, t, format] = await Promise.all([
    getCachedVisionDetail(code, viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getFormatter({ locale }),
  ]);
  if (!detail) return null;
  const { vision } = detail;
  return (
    <>
      <dl className={styles.facts}>
        <dt>{t("fields.status")}</dt>
        <dd>
          <StatusBadge status={vision.status} />
        </dd>
        <dt>{t("fields.progress")}</dt>
        <dd>
          <ProgressMeter value={vision.percent} label={t("common.progressOf", { name: vision.code })} />
        </dd>
        <dt>{t("fields.coverage")}</dt>
        <dd>{format.number(vision.coverage, { style: "percent", maximumFractionDigits: 0 })}</dd>
      </dl>
      <p className={`muted ${styles.small}`}>{t("vision.rollupExplanation")}</p>
    </>
  );
}

export async function VisionActions({ locale, view, code }: SectionProps) {
  const [detail, t] = await Promise.all([getCachedVisionDetail(code, viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
  if (!detail) return null;
  const { vision, actions } = detail;
  if (vision.actions.length === 0) return <p className={styles.empty}>{t("vision.actionsEmpty")}</p>;
  const actionsByCode = new Map(actions.map((a) => [a.code, a]));
  const totalWeight = vision.actions.reduce((sum, a) => sum + a.weight, 0);
  return (
    <TableScroll captionId="vision-actions-caption">
      <table className="data-table">
        <caption id="vision-actions-caption">{t("vision.actionsCaption", { code: vision.code })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.code")}</th>
            <th scope="col">{t("fields.title")}</th>
            <th scope="col">{t("fields.weight")}</th>
            <th scope="col">{t("fields.status")}</th>
            <th scope="col">{t("fields.progress")}</th>
          </tr>
        </thead>
        <tbody>
          {vision.actions.map((link) => {
            const action = actionsByCode.get(link.code);
            return (
              <tr key={link.code}>
                <th scope="row">
                  <Link href={viewHref(`/actions/${link.code}`, view)}>{link.code}</Link>
                </th>
                <td>
                  <span className={styles.titleCell}>
                    <Link href={viewHref(`/actions/${link.code}`, view)}>
                      <Translated locale={locale} entity="action" entityKey={link.code} field="title" text={link.title} notice={false} />
                    </Link>
                    <TranslatedNotice locale={locale} entity="action" entityKey={link.code} field="title" text={link.title} />
                    {action ? <UnverifiedBadge verified={action.verified} /> : null}
                  </span>
                </td>
                <td>
                  {totalWeight > 0
                    ? t("common.weightShare", { weight: link.weight, share: link.weight / totalWeight })
                    : link.weight}
                </td>
                <td>{action ? <StatusBadge status={action.status} /> : null}</td>
                <td className={styles.meterCell}>
                  <ProgressMeter
                    value={action?.percent ?? null}
                    label={t("common.progressOf", { name: link.code })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
