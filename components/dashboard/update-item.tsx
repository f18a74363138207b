import { useTranslations } from "next-intl";
import type { PublicUpdate } from "@/db/queries/public";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import styles from "./dashboard.module.css";
import { EvidenceLinks } from "./evidence-links";
import { DatedText, FormattedDate } from "./formatted-date";
import { IllustrativeBadge } from "./illustrative-badge";
import { UnverifiedBadge } from "./verification-badge";

/**
 * One published assessment. On the overview it is headed by its action; on
 * an action's own timeline the action is implied, so the date heads it.
 */
export function UpdateItem({
  update,
  context,
  titleVerified = true,
}: {
  update: PublicUpdate;
  context: "overview" | "timeline";
  titleVerified?: boolean;
}) {
  const t = useTranslations("public");
  return (
    <article className={styles.update}>
      {context === "overview" ? (
        <div className={styles.titleCell}>
          <h3 className={styles.updateTitle}>
            <Link href={`/actions/${update.actionCode}`}>
              <span className={styles.code}>{update.actionCode}</span> {update.actionTitle}
            </Link>
          </h3>
          <UnverifiedBadge verified={titleVerified} />
        </div>
      ) : (
        <h3 className={styles.updateTitle}>
          <FormattedDate value={update.occurredOn} />
        </h3>
      )}
      <div className={styles.updateMeta}>
        {context === "overview" ? (
          <span>
            <DatedText messageKey="update.occurredOn" value={update.occurredOn} />
          </span>
        ) : null}
        <StatusBadge status={update.status} />
        <ProgressMeter value={update.percent} label={t("common.progressOf", { name: update.actionCode })} />
        {update.illustrative ? <IllustrativeBadge /> : null}
      </div>
      <p className={styles.narrative}>{update.narrative}</p>
      <EvidenceLinks links={update.evidenceLinks} />
      {update.publishedAt ? (
        <p className={`muted ${styles.small}`}>
          <DatedText messageKey="update.publishedOn" value={update.publishedAt} />
        </p>
      ) : null}
    </article>
  );
}
