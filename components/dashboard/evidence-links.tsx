import { useTranslations } from "next-intl";
import type { EvidenceLink } from "@/db/schema";
import styles from "./dashboard.module.css";

// Links are validated on input; this second check keeps a bad row from ever rendering a script URL.
const SAFE_URL = /^https?:\/\//i;

export function EvidenceLinks({ links }: { links: readonly EvidenceLink[] }) {
  const t = useTranslations("public");
  const safe = links.filter((l) => SAFE_URL.test(l.url));
  if (safe.length === 0) return null;
  return (
    <div className={styles.evidence}>
      <p className={styles.evidenceLabel}>{t("update.evidence")}</p>
      <ul>
        {safe.map((link, i) => (
          <li key={`${i}-${link.url}`}>
            <a href={link.url} rel="noopener noreferrer">
              {link.label?.trim() || link.url}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
