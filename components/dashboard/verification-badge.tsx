import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import styles from "./dashboard.module.css";

/** Compact marker beside a title in lists; verified titles need no marker there. */
export function UnverifiedBadge({ verified }: { verified: boolean }) {
  const t = useTranslations("common");
  if (verified) return null;
  return (
    <Badge tone="warning" title={t("badges.unverifiedHint")}>
      {t("badges.unverified")}
    </Badge>
  );
}

/** The full verification state with its explanation, for detail pages. */
export function VerificationNote({ verified }: { verified: boolean }) {
  const t = useTranslations("common");
  const tp = useTranslations("public");
  return (
    <p className={styles.verification}>
      <Badge tone={verified ? "success" : "warning"}>{verified ? t("badges.verified") : t("badges.unverified")}</Badge>{" "}
      <span className="muted">{verified ? tp("common.verifiedHint") : t("badges.unverifiedHint")}</span>
    </p>
  );
}
