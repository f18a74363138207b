import { getTranslations } from "next-intl/server";
import { Link } from "@/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import styles from "./layout.module.css";

/** Static on purpose: it reads no session, so public pages stay cacheable. */
export async function SiteHeader({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <header className={styles.header}>
      <div className={`container ${styles.headerInner}`}>
        <Link href="/" className={styles.brand}>
          {t("siteName")}
        </Link>
        <nav aria-label={t("nav.label")} className={styles.nav}>
          <ul>
            <li>
              <Link href="/">{t("nav.overview")}</Link>
            </li>
            <li>
              <Link href="/actions">{t("nav.actions")}</Link>
            </li>
            <li>
              <Link href="/visions">{t("nav.visions")}</Link>
            </li>
            <li>
              <Link href="/corrections">{t("nav.corrections")}</Link>
            </li>
            <li>
              <Link href="/rounds">{t("nav.rounds")}</Link>
            </li>
            <li>
              <Link href="/downloads">{t("nav.downloads")}</Link>
            </li>
            <li>
              <Link href="/admin">{t("nav.workspace")}</Link>
            </li>
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
