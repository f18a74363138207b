import { getTranslations } from "next-intl/server";
import styles from "./layout.module.css";

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <footer className={styles.footer}>
      <div className="container">
        <p className="muted">{t("footer.text")}</p>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a JSON endpoint, not a page */}
          <a href="/api/v1/actions">{t("footer.api")}</a>
        </p>
      </div>
    </footer>
  );
}
