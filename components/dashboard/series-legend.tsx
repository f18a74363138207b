import { useTranslations } from "next-intl";
import type { ProgressSeries } from "@/components/charts/series-styles";
import styles from "./dashboard.module.css";

/** Names each line of a chart next to a sample of its colour and dash pattern. */
export function SeriesLegend({ series }: { series: readonly ProgressSeries[] }) {
  const t = useTranslations("public");
  if (series.length < 2) return null;
  return (
    <ul className={styles.legend} aria-label={t("overview.seriesLegend")}>
      {series.map((s) => (
        <li key={s.key} className={styles.seriesItem}>
          <svg className={styles.seriesSample} viewBox="0 0 32 8" aria-hidden="true" focusable="false">
            <line x1="0" y1="4" x2="32" y2="4" stroke={s.color} strokeWidth={s.width} strokeDasharray={s.dash ?? undefined} />
          </svg>
          {s.name}
        </li>
      ))}
    </ul>
  );
}
