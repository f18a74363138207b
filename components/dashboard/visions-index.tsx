import { getTranslations } from "next-intl/server";
import { ProgressMeter } from "@/components/ui/progress-meter";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedPlanState } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { Translated, TranslatedNotice } from "./translated-text";
import { UnverifiedBadge } from "./verification-badge";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

export async function VisionsIndex({ locale, view }: ViewProps) {
  const [state, t] = await Promise.all([getCachedPlanState(viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
  return (
    <ul className={styles.cards}>
      {state.visions.map((v) => (
        <li key={v.code}>
          <article className={styles.card} aria-labelledby={`vision-${v.code}`}>
            <p className={styles.eyebrow}>{t("vision.eyebrow", { code: v.code, theme: v.theme })}</p>
            <h2 id={`vision-${v.code}`}>
              <Link href={viewHref(`/visions/${v.code}`, view)}>
                <Translated locale={locale} entity="vision" entityKey={v.code} field="title" text={v.title} notice={false} />
              </Link>
            </h2>
            <TranslatedNotice block locale={locale} entity="vision" entityKey={v.code} field="title" text={v.title} />
            {v.verified ? null : (
              <div>
                <UnverifiedBadge verified={v.verified} />
              </div>
            )}
            <p>
              <Translated locale={locale} entity="vision" entityKey={v.code} field="description" text={v.description} />
            </p>
            <div className={styles.cardStats}>
              <StatusBadge status={v.status} />
              <ProgressMeter value={v.percent} label={t("common.progressOf", { name: v.code })} />
              <p className={`muted ${styles.small}`}>{t("visions.coverageValue", { coverage: v.coverage })}</p>
              <p className={`muted ${styles.small}`}>{t("visions.actionCount", { count: v.actions.length })}</p>
            </div>
          </article>
        </li>
      ))}
    </ul>
  );
}
