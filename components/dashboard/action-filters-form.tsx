import { useTranslations } from "next-intl";
import { buttonClass, controlClass } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import type { View } from "@/lib/view";
import { DISPLAY_STATUSES } from "@/lib/vocabulary";
import styles from "./dashboard.module.css";
import type { ActionFilters } from "./filters";
import { viewHref, viewParams } from "./view-links";

/** A plain GET form: filtering works without JavaScript and every filtered view has its own URL. */
export function ActionFiltersForm({
  filters,
  visions,
  view,
}: {
  filters: ActionFilters;
  visions: readonly { code: string; title: string }[];
  view: View;
}) {
  const t = useTranslations("public");
  const tStatus = useTranslations("status");
  return (
    <form method="get" className={styles.filters} aria-labelledby="filters-heading" role="search">
      <h2 id="filters-heading">{t("actions.filtersHeading")}</h2>
      {/* A GET form replaces the whole query string; these keep the reader in the same past view. */}
      {Object.entries(viewParams(view)).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className={styles.filterField}>
        <label htmlFor="filter-status">{t("actions.filterStatus")}</label>
        <select id="filter-status" name="status" defaultValue={filters.status ?? ""} className={controlClass}>
          <option value="">{t("actions.allStatuses")}</option>
          {DISPLAY_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filterField}>
        <label htmlFor="filter-vision">{t("actions.filterVision")}</label>
        <select id="filter-vision" name="vision" defaultValue={filters.vision ?? ""} className={controlClass}>
          <option value="">{t("actions.allVisions")}</option>
          {visions.map((v) => (
            <option key={v.code} value={v.code}>
              {v.code} · {v.title}
            </option>
          ))}
        </select>
      </div>
      <div className={styles.filterActions}>
        <button type="submit" className={buttonClass}>
          {t("actions.apply")}
        </button>
        <Link href={viewHref("/actions", view)}>{t("actions.clear")}</Link>
      </div>
    </form>
  );
}
