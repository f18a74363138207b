import { useTranslations } from "next-intl";
import type { DisplayStatus } from "@/lib/vocabulary";
import styles from "./ui.module.css";

// Each status has its own shape as well as colour, so it never relies on colour alone.
const ICON_PATHS: Record<DisplayStatus, string> = {
  not_yet_assessed: "M8 3a5 5 0 1 0 0 10A5 5 0 0 0 8 3zm0 2a3 3 0 1 1 0 6 3 3 0 0 1 0-6z",
  not_started: "M3 7h10v2H3z",
  planned: "M3 3h10v10H3zM5 5v6h6V5z",
  in_progress: "M8 2a6 6 0 1 0 0 12V2z",
  on_track: "M6.5 11.5 3 8l1.4-1.4 2.1 2.1 5.1-5.1L13 5z",
  at_risk: "M8 2 15 14H1zM7 6v4h2V6zm0 5v2h2v-2z",
  delayed: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-1 3h2v5H7zm0 6h2v2H7z",
  completed: "M8 1a7 7 0 1 0 0 14A7 7 0 0 0 8 1zm-1.5 10L3.5 8l1.4-1.4 1.6 1.6 4.6-4.6L12.5 5z",
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
  const t = useTranslations("status");
  return (
    <span className={styles.status} data-status={status}>
      <svg className={styles.statusIcon} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d={ICON_PATHS[status]} fill={`var(--status-${status})`} />
      </svg>
      {t(status)}
    </span>
  );
}
