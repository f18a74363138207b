import { useTranslations } from "next-intl";
import type { AuditRow } from "@/db/queries/audit";
import { Link } from "@/i18n/navigation";
import { AuditChanges } from "./audit-changes";
import { auditHref, type AuditQuery } from "./audit-query";
import styles from "./admin.module.css";

/** "2025-05-03 14:02:11 UTC": an audit trail is read for exact order and time, so no locale-dependent rounding. */
const utcStamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

export function AuditTable({ rows, query }: { rows: AuditRow[]; query: AuditQuery }) {
  const t = useTranslations("admin.audit");
  const actionLabel = (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : null);
  return (
    <div className={styles.tableWrap}>
      <table className="data-table">
        <caption>{t("caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("action")}</th>
            <th scope="col">{t("entityCol")}</th>
            <th scope="col">{t("changes")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const label = actionLabel(r.action);
            const entity = t(`entities.${r.entityType}`);
            return (
              <tr key={r.id}>
                <td className={styles.nowrap}>
                  <time dateTime={r.at}>{utcStamp(r.at)}</time>
                </td>
                <td>
                  {r.actorId === null ? (
                    t("system")
                  ) : (
                    <>
                      {r.actorName ?? t("unknownUser", { id: r.actorId })}
                      {r.actorEmail ? <span className={styles.block}>{r.actorEmail}</span> : null}
                    </>
                  )}
                </td>
                <th scope="row">
                  {label ?? <code>{r.action}</code>}
                  {label ? <code className={styles.block}>{r.action}</code> : null}
                </th>
                <td>
                  {entity}{" "}
                  <Link href={auditHref(query, { entity: r.entityType, record: r.entityId, page: 1 })}>
                    <span aria-hidden="true">{r.entityId}</span>
                    <span className="visually-hidden">{t("historyOf", { type: entity, id: r.entityId })}</span>
                  </Link>
                </td>
                <td className={styles.changesCell}>
                  <AuditChanges before={r.before} after={r.after} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function AuditPagination({ query, page, pages, total }: { query: AuditQuery; page: number; pages: number; total: number }) {
  const t = useTranslations("admin.audit");
  return (
    <nav aria-label={t("pagination")} className={styles.pagination}>
      <ul>
        <li>
          {page > 1 ? (
            <Link href={auditHref(query, { page: page - 1 })} rel="prev">
              {t("previous")}
            </Link>
          ) : (
            <span className={styles.subtle}>{t("previous")}</span>
          )}
        </li>
        <li>{t("pageOf", { page, pages })}</li>
        <li>
          {page < pages ? (
            <Link href={auditHref(query, { page: page + 1 })} rel="next">
              {t("next")}
            </Link>
          ) : (
            <span className={styles.subtle}>{t("next")}</span>
          )}
        </li>
        <li className={styles.subtle}>{t("total", { count: total })}</li>
      </ul>
    </nav>
  );
}
