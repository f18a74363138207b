import { useFormatter, useTranslations } from "next-intl";
import styles from "./ui.module.css";

/** A percent shown as text and as a bar; null means not yet assessed. */
export function ProgressMeter({ value, label }: { value: number | null; label: string }) {
  const t = useTranslations("common");
  const format = useFormatter();
  if (value === null) return <span className="muted">{t("noValue")}</span>;
  const text = `${format.number(value, { maximumFractionDigits: 1 })}%`;
  return (
    <span className={styles.meter}>
      <span className={styles.meterTrack} role="img" aria-label={`${label}: ${text}`}>
        <span className={styles.meterFill} style={{ inlineSize: `${Math.max(0, Math.min(100, value))}%` }} />
      </span>
      <span aria-hidden="true">{text}</span>
    </span>
  );
}
