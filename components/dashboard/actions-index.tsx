import { getTranslations } from "next-intl/server";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedPlanState } from "@/lib/public-data";
import { ActionFiltersForm } from "./action-filters-form";
import styles from "./dashboard.module.css";
import { TableScroll } from "./table-scroll";
import { filterActions, hasActiveFilters, parseActionFilters, type SearchParamValue } from "./filters";
import { FormattedDate } from "./formatted-date";
import { UnverifiedBadge } from "./verification-badge";

export async function ActionsIndex({
  locale,
  searchParams,
}: {
  locale: string;
  searchParams: Promise<Record<string, SearchParamValue>>;
}) {
  const [state, params, t, tCommon] = await Promise.all([
    getCachedPlanState(),
    searchParams,
    getTranslations({ locale, namespace: "public" }),
    getTranslations({ locale, namespace: "common" }),
  ]);
  const filters = parseActionFilters(
    params,
    state.visions.map((v) => v.code),
  );
  const shown = filterActions(state.actions, filters);
  const filtered = hasActiveFilters(filters);
  return (
    <>
      {/* Keyed so that a client-side "clear filters" navigation resets the selects. */}
      <ActionFiltersForm key={`${filters.status}|${filters.vision}`} filters={filters} visions={state.visions} />
      <p id="actions-count" className={styles.resultCount}>
        {t("actions.showing", { shown: shown.length, total: state.actions.length })}
      </p>
      {shown.length === 0 ? (
        <p className={styles.empty}>
          {t("actions.empty")} <Link href="/actions">{t("actions.showAll")}</Link>
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
              {shown.map((a) => (
                <tr key={a.code}>
                  <th scope="row">
                    <Link href={`/actions/${a.code}`}>{a.code}</Link>
                  </th>
                  <td>
                    <span className={styles.titleCell}>
                      <Link href={`/actions/${a.code}`}>{a.title}</Link>
                      <UnverifiedBadge verified={a.verified} />
                    </span>
                  </td>
                  <td>
                    <ul className={styles.inlineList}>
                      {a.visions.map((v) => (
                        <li key={v.code}>
                          <Link href={`/visions/${v.code}`} title={v.title}>
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
                    {a.updatedAt ? <FormattedDate value={a.updatedAt} /> : <span className="muted">{tCommon("noValue")}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
