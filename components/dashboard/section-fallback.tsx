import { useTranslations } from "next-intl";
import styles from "./dashboard.module.css";

/** What a section shows while its data loads; it keeps the space so the page does not jump. */
export function SectionFallback({ minHeight = "8rem" }: { minHeight?: string }) {
  const t = useTranslations("public");
  return (
    <div className={styles.fallback} style={{ minBlockSize: minHeight }} aria-busy="true">
      <p role="status" className="muted">
        {t("loading")}
      </p>
    </div>
  );
}
