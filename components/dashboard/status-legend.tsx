import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/status-badge";
import { DISPLAY_STATUSES, type DisplayStatus } from "@/lib/vocabulary";
import styles from "./dashboard.module.css";

/** Names the colours a chart uses; each entry carries its icon and text, so colour is never the only cue. */
export function StatusLegend({ statuses }: { statuses: readonly DisplayStatus[] }) {
  const t = useTranslations("public");
  const present = DISPLAY_STATUSES.filter((s) => statuses.includes(s));
  if (present.length === 0) return null;
  return (
    <ul className={styles.legend} aria-label={t("overview.legend")}>
      {present.map((status) => (
        <li key={status}>
          <StatusBadge status={status} />
        </li>
      ))}
    </ul>
  );
}
