import { getTranslations } from "next-intl/server";
import type { PublicCorrection } from "@/db/queries/public";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { Link } from "@/i18n/navigation";
import { getCachedCorrections } from "@/lib/public-data";
import styles from "./dashboard.module.css";
import { DatedText, FormattedDate } from "./formatted-date";
import { TableScroll } from "./table-scroll";
import { Translated, TranslatedNotice } from "./translated-text";
import { updateAnchor } from "./update-item";
import { viewCutoff, type ViewProps } from "./view-data";
import { viewHref } from "./view-links";

type Assessment = Pick<PublicCorrection["original"], "status" | "percent" | "occurredOn">;

function AssessmentCell({ value, percentText }: { value: Assessment; percentText: string }) {
  return (
    <span className={styles.assessment}>
      <StatusBadge status={value.status} />
      <span>{percentText}</span>
      <span className="muted">
        <DatedText messageKey="corrections.happenedOn" value={value.occurredOn} />
      </span>
    </span>
  );
}

/** Every corrected or retracted update as of the view, newest correction first. */
export async function CorrectionsLog({ locale, view }: ViewProps) {
  const [corrections, t] = await Promise.all([getCachedCorrections(viewCutoff(view)), getTranslations({ locale, namespace: "public" })]);
  if (corrections.length === 0) return <p className={styles.empty}>{t("corrections.empty")}</p>;
  return (
    <TableScroll captionId="corrections-caption">
      <table className="data-table">
        <caption id="corrections-caption">{t("corrections.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("fields.correctedOn")}</th>
            <th scope="col">{t("fields.action")}</th>
            <th scope="col">{t("fields.kind")}</th>
            <th scope="col">{t("fields.reason")}</th>
            <th scope="col">{t("fields.original")}</th>
            <th scope="col">{t("fields.replacement")}</th>
          </tr>
        </thead>
        <tbody>
          {corrections.map((c) => (
            <tr key={c.updateId}>
              <th scope="row">
                <FormattedDate value={c.at} />
              </th>
              <td>
                <Link href={viewHref(`/actions/${c.actionCode}`, view, updateAnchor(c.updateId))}>
                  <span className={styles.code}>{c.actionCode}</span>{" "}
                  <Translated locale={locale} entity="action" entityKey={c.actionCode} field="title" text={c.actionTitle} notice={false} />
                </Link>
                <TranslatedNotice locale={locale} entity="action" entityKey={c.actionCode} field="title" text={c.actionTitle} />
              </td>
              <td>
                <Badge tone={c.kind === "retracted" ? "danger" : "warning"}>{t(`update.${c.kind}`)}</Badge>
              </td>
              <td className={styles.reasonCell}>{c.reason}</td>
              <td>
                <AssessmentCell value={c.original} percentText={t("common.percent", { value: c.original.percent })} />
              </td>
              <td>
                {c.replacement ? (
                  <AssessmentCell value={c.replacement} percentText={t("common.percent", { value: c.replacement.percent })} />
                ) : (
                  <span className="muted">{t("corrections.none")}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
