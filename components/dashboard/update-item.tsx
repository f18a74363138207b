import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { PublicUpdate } from "@/db/queries/public";
import { Badge } from "@/components/ui/badge";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import type { View } from "@/lib/view";
import styles from "./dashboard.module.css";
import { Translated, TranslatedNotice } from "./translated-text";
import { EvidenceLinks } from "./evidence-links";
import { DatedText, FormattedDate } from "./formatted-date";
import { IllustrativeBadge } from "./illustrative-badge";
import { UnverifiedBadge } from "./verification-badge";
import { viewHref } from "./view-links";

/** The anchor of an update on its action's timeline. */
export function updateAnchor(id: number): string {
  return `update-${id}`;
}

/** On the timeline the other update is on the same page; elsewhere, on its action's page. */
function UpdateLink({
  samePage,
  actionCode,
  view,
  id,
  children,
}: {
  samePage: boolean;
  actionCode: string;
  view: View;
  id: number;
  children: ReactNode;
}) {
  if (samePage) return <a href={`#${updateAnchor(id)}`}>{children}</a>;
  return <Link href={viewHref(`/actions/${actionCode}`, view, updateAnchor(id))}>{children}</Link>;
}

/**
 * One published assessment. On the overview it is headed by its action; on
 * an action's own timeline the action is implied, so the date heads it.
 * A corrected or retracted one stays visible, marked and with the public
 * reason, because silently rewriting published history would hide it.
 */
export function UpdateItem({
  update,
  context,
  view,
  titleVerified = true,
  corrects = null,
  locale,
}: {
  update: PublicUpdate;
  /** The page's locale, for the translated title and narrative. */
  locale?: string;
  context: "overview" | "timeline";
  view: View;
  titleVerified?: boolean;
  /** The update this one corrects, when it is on the same page. */
  corrects?: { id: number; occurredOn: string } | null;
}) {
  const t = useTranslations("public");
  const linkProps = { samePage: context === "timeline", actionCode: update.actionCode, view };
  const { correction } = update;
  const values = (
    <>
      <StatusBadge status={update.status} />
      <ProgressMeter value={update.percent} label={t("common.progressOf", { name: update.actionCode })} />
    </>
  );
  return (
    <article
      id={context === "timeline" ? updateAnchor(update.id) : undefined}
      className={correction ? `${styles.update} ${styles.withdrawn}` : styles.update}
    >
      {context === "overview" ? (
        <div className={styles.titleCell}>
          <h3 className={styles.updateTitle}>
            <Link href={viewHref(`/actions/${update.actionCode}`, view)}>
              <span className={styles.code}>{update.actionCode}</span>{" "}
              <Translated locale={locale} entity="action" entityKey={update.actionCode} field="title" text={update.actionTitle} notice={false} />
            </Link>
          </h3>
          <UnverifiedBadge verified={titleVerified} />
          <TranslatedNotice locale={locale} entity="action" entityKey={update.actionCode} field="title" text={update.actionTitle} />
        </div>
      ) : (
        <h3 className={styles.updateTitle}>
          <FormattedDate value={update.occurredOn} />
        </h3>
      )}
      {correction ? (
        <div className={styles.correctionNote}>
          <p className={styles.correctionHead}>
            <Badge tone={correction.kind === "retracted" ? "danger" : "warning"}>{t(`update.${correction.kind}`)}</Badge>
            <span>
              <DatedText messageKey={correction.kind === "retracted" ? "update.retractedOn" : "update.correctedOn"} value={correction.at} />
            </span>
          </p>
          <p className={styles.reason}>{t("update.reason", { reason: correction.reason })}</p>
          <p className={`muted ${styles.small}`}>
            {t("update.notCounted")}
            {correction.replacementId !== null ? (
              <>
                {" "}
                <UpdateLink {...linkProps} id={correction.replacementId}>{t("update.seeCorrection")}</UpdateLink>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      {update.correctsId !== null ? (
        <p className={styles.correctionOf}>
          <UpdateLink {...linkProps} id={update.correctsId}>
            {corrects ? <DatedText messageKey="update.correctionOf" value={corrects.occurredOn} /> : t("update.correctionOfEarlier")}
          </UpdateLink>
        </p>
      ) : null}
      <div className={styles.updateMeta}>
        {context === "overview" ? (
          <span>
            <DatedText messageKey="update.occurredOn" value={update.occurredOn} />
          </span>
        ) : null}
        {correction ? <del className={styles.struck}>{values}</del> : values}
        {update.illustrative ? <IllustrativeBadge /> : null}
      </div>
      <p className={styles.narrative}>
        <Translated locale={locale} entity="update" entityKey={update.id} field="narrative" text={update.narrative} />
      </p>
      <EvidenceLinks links={update.evidenceLinks} />
      {update.publishedAt ? (
        <p className={`muted ${styles.small}`}>
          <DatedText messageKey="update.publishedOn" value={update.publishedAt} />
        </p>
      ) : null}
    </article>
  );
}
