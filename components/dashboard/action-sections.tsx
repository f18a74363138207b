import { getTranslations } from "next-intl/server";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedActionDetail, getCachedPlanState } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { TableScroll } from "./table-scroll";
import { FormattedDate } from "./formatted-date";
import { IllustrativeBadge } from "./illustrative-badge";
import { UpdateItem } from "./update-item";
import { UnverifiedBadge } from "./verification-badge";

/*
 * The sections of an action's page. Each loads the action itself through the
 * shared cache, so each can stream on its own; the page has already checked
 * that the action exists, so a missing one here renders nothing.
 */

type SectionProps = { locale: string; code: string };

export async function ActionCurrentAssessment({ locale, code }: SectionProps) {
  const [detail, t] = await Promise.all([getCachedActionDetail(code), getTranslations({ locale, namespace: "public" })]);
  if (!detail) return null;
  const { action } = detail;
  const assessed = action.status !== "not_yet_assessed";
  return (
    <>
      {assessed ? null : <p className={styles.empty}>{t("action.noAssessment")}</p>}
      <dl className={styles.facts}>
        <dt>{t("fields.status")}</dt>
        <dd>
          <StatusBadge status={action.status} /> {action.illustrative ? <IllustrativeBadge /> : null}
        </dd>
        <dt>{t("fields.progress")}</dt>
        <dd>
          <ProgressMeter value={action.percent} label={t("common.progressOf", { name: action.code })} />
        </dd>
        {action.assessedOn ? (
          <>
            <dt>{t("fields.assessedOn")}</dt>
            <dd>
              <FormattedDate value={action.assessedOn} />
            </dd>
          </>
        ) : null}
        <dt>{t("fields.lastUpdated")}</dt>
        <dd>{action.updatedAt ? <FormattedDate value={action.updatedAt} /> : t("common.never")}</dd>
      </dl>
    </>
  );
}

export async function ActionDetails({ locale, code }: SectionProps) {
  const [detail, t] = await Promise.all([getCachedActionDetail(code), getTranslations({ locale, namespace: "public" })]);
  if (!detail) return null;
  const { action } = detail;
  return (
    <dl className={styles.facts}>
      <dt>{t("fields.code")}</dt>
      <dd className={styles.code}>{action.code}</dd>
      <dt>{t("fields.targetDate")}</dt>
      <dd>
        {action.targetDate ? (
          <FormattedDate value={action.targetDate} />
        ) : (
          <span className="muted">{t("common.noTargetDate")}</span>
        )}
      </dd>
      <dt>{t("fields.source")}</dt>
      <dd>
        {action.sourceUrl ? (
          <a href={action.sourceUrl} rel="noopener noreferrer">
            {t("common.sourceLink")}
          </a>
        ) : (
          <span className="muted">{t("common.noSource")}</span>
        )}
      </dd>
    </dl>
  );
}

export async function ActionVisions({ locale, code }: SectionProps) {
  const [detail, state, t] = await Promise.all([
    getCachedActionDetail(code),
    getCachedPlanState(),
    getTranslations({ locale, namespace: "public" }),
  ]);
  if (!detail) return null;
  const { action } = detail;
  if (action.visions.length === 0) return <p className={styles.empty}>{t("action.visionsEmpty")}</p>;
  const visionsByCode = new Map(state.visions.map((v) => [v.code, v]));
  return (
    <TableScroll captionId="action-visions-caption">
      <table className="data-table">
        <caption id="action-visions-caption">{t("action.visionsCaption", { code: action.code })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.code")}</th>
            <th scope="col">{t("fields.title")}</th>
            <th scope="col">{t("fields.weight")}</th>
          </tr>
        </thead>
        <tbody>
          {action.visions.map((v) => {
            const vision = visionsByCode.get(v.code);
            const totalWeight = vision?.actions.reduce((sum, a) => sum + a.weight, 0) ?? 0;
            return (
              <tr key={v.code}>
                <th scope="row">
                  <Link href={`/visions/${v.code}`}>{v.code}</Link>
                </th>
                <td>
                  <span className={styles.titleCell}>
                    <Link href={`/visions/${v.code}`}>{v.title}</Link>
                    {vision ? <UnverifiedBadge verified={vision.verified} /> : null}
                  </span>
                </td>
                <td>
                  {totalWeight > 0
                    ? t("common.weightShare", { weight: v.weight, share: v.weight / totalWeight })
                    : v.weight}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

export async function ActionTimeline({ locale, code }: SectionProps) {
  const [detail, t] = await Promise.all([getCachedActionDetail(code), getTranslations({ locale, namespace: "public" })]);
  if (!detail) return null;
  if (detail.timeline.length === 0) return <p className={styles.empty}>{t("action.timelineEmpty")}</p>;
  return (
    <>
      <p className="muted">{t("action.timelineIntro")}</p>
      <ol className={styles.timeline}>
        {detail.timeline.map((update) => (
          <li key={update.id}>
            <UpdateItem update={update} context="timeline" />
          </li>
        ))}
      </ol>
    </>
  );
}
