import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import styles from "./layout.module.css";

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <footer className={styles.footer}>
      <div className="container">
        <p className="muted">{t("footer.text")}</p>
        <p>
          <Link href="/api-docs">{t("footer.api")}</Link>
        </p>
      </div>
    </footer>
  );
}
