import { getTranslations } from "next-intl/server";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedPlanState, getCachedPlanSummary } from "@/lib/public-data";
import { referenceTime } from "@/lib/view";
import { ActionFiltersForm } from "./action-filters-form";
import styles from "./dashboard.module.css";
import { getLocalizer, Translated, TranslatedNotice } from "./translated-text";
import { TableScroll } from "./table-scroll";
import { filterActions, hasActiveFilters, parseActionFilters, type SearchParamValue } from "./filters";
import { FormattedDate } from "./formatted-date";
import { OverdueBadge } from "./overdue-badge";
import { actionStaleness } from "./overdue";
import { UnverifiedBadge } from "./verification-badge";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

export async function ActionsIndex({
  locale,
  view,
  filters: params,
}: ViewProps & {
  /** The raw ?status= and ?vision= values, as the proxy carried them onto the path. */
  filters: Readonly<Record<string, SearchParamValue>>;
}) {
  const [state, plan, t, tCommon, localize] = await Promise.all([
    getCachedPlanState(viewCutoff(view)),
    getCachedPlanSummary(),
    getTranslations({ locale, namespace: "public" }),
    getTranslations({ locale, namespace: "common" }),
    getLocalizer(locale),
  ]);
  const visionOptions = state.visions.map((v) => ({ code: v.code, title: localize("vision", v.code, "title", v.title).text }));
  const filters = parseActionFilters(
    params,
    state.visions.map((v) => v.code),
  );
  const shown = filterActions(state.actions, filters);
  const filtered = hasActiveFilters(filters);
  const now = referenceTime(view);
  return (
    <>
      {/* Keyed so that a client-side "clear filters" navigation resets the selects. */}
      <ActionFiltersForm key={`${filters.status}|${filters.vision}`} filters={filters} visions={visionOptions} view={view} />
      <p id="actions-count" className={styles.resultCount}>
        {t("actions.showing", { shown: shown.length, total: state.actions.length })}
      </p>
      {shown.length === 0 ? (
        <p className={styles.empty}>
          {t("actions.empty")} <Link href={viewHref("/actions", view)}>{t("actions.showAll")}</Link>
        </p>
      ) : (
        <TableScroll captionId="actions-caption">
          <table className="data-table" aria-describedby="actions-count">
            <caption id="actions-caption">{filtered ? t("actions.captionFiltered") : t("actions.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.code")}</th>
                <th scope="col">{t("fields.title")}</th>
                <th scope="col">{t("fields.visions")}</th>
                <th scope="col">{t("fields.status")}</th>
                <th scope="col">{t("fields.progress")}</th>
                <th scope="col">{t("fields.lastUpdated")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => {
                const { overdue } = actionStaleness(a, now, plan?.announcedOn ?? null);
                return (
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
                    <td>
                      <ul className={styles.inlineList}>
                        {a.visions.map((v) => (
                          <li key={v.code}>
                            <Link href={viewHref(`/visions/${v.code}`, view)} title={v.title}>
                              {v.code}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <StatusBadge status={a.status} />
                    </td>
                    <td className={styles.meterCell}>
                      <ProgressMeter value={a.percent} label={t("common.progressOf", { name: a.code })} />
                    </td>
                    <td>
                      <span className={styles.titleCell}>
                        {a.updatedAt ? <FormattedDate value={a.updatedAt} /> : <span className="muted">{tCommon("noValue")}</span>}
                        {overdue ? <OverdueBadge /> : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
