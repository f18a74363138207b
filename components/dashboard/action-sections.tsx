import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ProgressOverTimeChart } from "@/components/charts/lazy-charts";
import { PLAN_SERIES_STYLE } from "@/components/charts/series-styles";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { projectCompletion } from "@/lib/projection";
import { getCachedActionDetail, getCachedPlanState } from "@/lib/public-data";
import { referenceTime } from "@/lib/view";
import { ChartFigure } from "./chart-figure";
import styles from "./dashboard.module.css";
import { Translated, TranslatedNotice } from "./translated-text";
import { DATE_STYLE, machineDate, toDate } from "./dates";
import { FormattedDate } from "./formatted-date";
import { compactByDate } from "./history-compact";
import { IllustrativeBadge } from "./illustrative-badge";
import { OverdueBadge } from "./overdue-badge";
import { actionStaleness } from "./overdue";
import { progressPoints, statusChanges } from "./status-changes";
import { actionHistorySummary } from "./summaries";
import { TableScroll } from "./table-scroll";
import { UpdateItem } from "./update-item";
import { UnverifiedBadge } from "./verification-badge";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

/*
 * The sections of an action's page. Each loads the action itself through the
 * shared cache, so each can stream on its own; the page has already checked
 * that the action exists, so a missing one here renders nothing.
 */

type SectionProps = ViewProps & { code: string };

export async function ActionCurrentAssessment({ locale, view, code }: SectionProps) {
  const [detail, t] = await Promise.all([getCachedActionDetail(code, viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
  if (!detail) return null;
  // The plan's summary comes with the action (same query), for when tracking started.
  const { action, plan } = detail;
  const assessed = action.status !== "not_yet_assessed";
  const staleness = actionStaleness(action, referenceTime(view), plan?.announcedOn ?? null);
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
      <p className={styles.staleness}>
        <span>{staleness.neverUpdated ? t("staleness.never") : t("staleness.lastUpdated", { days: staleness.daysSince })}</span>
        {staleness.overdue ? <OverdueBadge /> : null}
        <span className="muted">{t("staleness.expected", { days: action.updateIntervalDays })}</span>
      </p>
    </>
  );
}

export async function ActionDetails({ locale, view, code }: SectionProps) {
  const [detail, t] = await Promise.all([getCachedActionDetail(code, viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
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
      <dt>{t("fields.interval")}</dt>
      <dd>{t("common.everyDays", { days: action.updateIntervalDays })}</dd>
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

/** When the action would reach 100% at its recent rate, against its target date; or why that cannot be said. */
export async function ActionProjection({ locale, view, code }: SectionProps) {
  const [detail, t, format] = await Promise.all([
    getCachedActionDetail(code, viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getFormatter({ locale }),
  ]);
  if (!detail) return null;
  const projection = projectCompletion(progressPoints(detail.timeline), detail.action.targetDate);
  if (projection.kind !== "projected") {
    return <p className={styles.projection}>{t(`action.projection.${projection.kind}`)}</p>;
  }
  const direction = projection.daysFromTarget < 0 ? "ahead" : projection.daysFromTarget > 0 ? "behind" : "on";
  const timeTag = (value: string) =>
    function TimeTag(chunks: ReactNode) {
      return <time dateTime={machineDate(value)}>{chunks}</time>;
    };
  return (
    <>
      <p className={styles.projection}>
        {t.rich("action.projection.projected", {
          date: format.dateTime(toDate(projection.date), DATE_STYLE),
          target: format.dateTime(toDate(projection.targetDate), DATE_STYLE),
          direction,
          days: Math.abs(projection.daysFromTarget),
          projected: timeTag(projection.date),
          goal: timeTag(projection.targetDate),
        })}
      </p>
      <p className={`muted ${styles.small}`}>{t("action.projection.rate", { rate: projection.ratePerMonth })}</p>
    </>
  );
}

const ACTION_CHART_HEIGHT = 220;
/** An action can carry thousands of updates: the page shows the newest ones and points to the open data for all of them. */
const TIMELINE_SHOWN = 50;
const STATUS_CHANGES_SHOWN = 50;

/** This action's percent on each assessment date that still counts. */
export async function ActionProgressHistory({ locale, view, code }: SectionProps) {
  const [detail, t, format] = await Promise.all([
    getCachedActionDetail(code, viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getFormatter({ locale }),
  ]);
  if (!detail) return null;
  const allPoints = progressPoints(detail.timeline);
  // Long histories are charted (and tabled) per week or month, like the overview's.
  const points = compactByDate(allPoints, (p) => p.occurredOn);
  const formatDate = (iso: string) => format.dateTime(toDate(iso), DATE_STYLE);
  const summaryParts = actionHistorySummary(allPoints, formatDate);
  const summary = t(`summaries.${summaryParts.key}`, summaryParts.values);
  if (points.length === 0) return <p className={styles.empty}>{summary}</p>;
  const title = t("action.historyChart.title", { code });
  const series = [{ key: code, name: code, ...PLAN_SERIES_STYLE }];
  const data = points.map((p) => ({ time: toDate(p.occurredOn).getTime(), dateLabel: formatDate(p.occurredOn), values: { [code]: p.percent } }));
  return (
    <ChartFigure
      id="chart-action-history"
      title={title}
      summary={summary}
      chartHeight={ACTION_CHART_HEIGHT}
      chart={<ProgressOverTimeChart data={data} series={series} title={title} summary={summary} height={ACTION_CHART_HEIGHT} />}
      table={
        <table className="data-table">
          <caption id="chart-action-history-caption">{t("action.historyChart.caption", { code })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fields.date")}</th>
              <th scope="col">{t("fields.progress")}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.occurredOn}>
                <th scope="row">
                  <FormattedDate value={p.occurredOn} />
                </th>
                <td>{t("common.percent", { value: p.percent })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}

export async function ActionStatusChanges({ locale, view, code }: SectionProps) {
  const [detail, t, tStatus, format] = await Promise.all([
    getCachedActionDetail(code, viewCutoff(view)),
    getTranslations({ locale, namespace: "public" }),
    getTranslations({ locale, namespace: "status" }),
    getFormatter({ locale }),
  ]);
  if (!detail) return null;
  const allChanges = statusChanges(detail.timeline);
  if (allChanges.length === 0) return <p className={styles.empty}>{t("action.statusChangesEmpty")}</p>;
  const changes = allChanges.slice(-STATUS_CHANGES_SHOWN);
  return (
    <>
      <p className="muted">{t("action.statusChangesIntro")}</p>
      {changes.length < allChanges.length ? (
        <p className="muted">{t("action.statusChangesMore", { shown: changes.length, total: allChanges.length })}</p>
      ) : null}
      <ol className={styles.statusChanges}>
        {changes.map((c) => (
          <li key={c.updateId}>
            {t.rich("action.statusChange", {
              date: format.dateTime(toDate(c.date), DATE_STYLE),
              from: tStatus(c.from),
              to: tStatus(c.to),
              time: (chunks) => <time dateTime={machineDate(c.date)}>{chunks}</time>,
            })}
          </li>
        ))}
      </ol>
    </>
  );
}

export async function ActionVisions({ locale, view, code }: SectionProps) {
  const cutoff = viewCutoff(view);
  const [detail, state, t] = await Promise.all([
    getCachedActionDetail(code, cutoff),
    getCachedPlanState(cutoff),
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
                  <Link href={viewHref(`/visions/${v.code}`, view)}>{v.code}</Link>
                </th>
                <td>
                  <span className={styles.titleCell}>
                    <Link href={viewHref(`/visions/${v.code}`, view)}>
                      <Translated locale={locale} entity="vision" entityKey={v.code} field="title" text={v.title} notice={false} />
                    </Link>
                    <TranslatedNotice locale={locale} entity="vision" entityKey={v.code} field="title" text={v.title} />
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

export async function ActionTimeline({ locale, view, code }: SectionProps) {
  const [detail, t] = await Promise.all([getCachedActionDetail(code, viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
  if (!detail) return null;
  if (detail.timeline.length === 0) return <p className={styles.empty}>{t("action.timelineEmpty")}</p>;
  const byId = new Map(detail.timeline.map((u) => [u.id, u]));
  const shown = detail.timeline.slice(0, TIMELINE_SHOWN);
  return (
    <>
      <p className="muted">{t("action.timelineIntro")}</p>
      {shown.length < detail.timeline.length ? (
        <p className="muted">{t("action.timelineMore", { shown: shown.length, total: detail.timeline.length })}</p>
      ) : null}
      <ol className={styles.timeline}>
        {shown.map((update) => (
          <li key={update.id}>
            <UpdateItem
              update={update}
              locale={locale}
              context="timeline"
              view={view}
              corrects={update.correctsId !== null ? (byId.get(update.correctsId) ?? null) : null}
            />
          </li>
        ))}
      </ol>
    </>
  );
}
