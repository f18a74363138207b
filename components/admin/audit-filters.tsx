import { useTranslations } from "next-intl";
import { buttonClass, controlClass, Field } from "@/components/ui/field";
import { Link } from "@/i18n/navigation";
import { AUDIT_ENTITIES } from "@/lib/vocabulary";
import type { AuditQuery } from "./audit-query";
import styles from "./admin.module.css";

/** A plain GET form: the filters end up in the URL, so they work without JavaScript and can be bookmarked or shared. */
export function AuditFilters({ query, users }: { query: AuditQuery; users: { id: number; email: string }[] }) {
  const t = useTranslations("admin.audit");
  return (
    <form method="get" role="search" aria-labelledby="audit-filters-title" className={styles.filters}>
      <h2 id="audit-filters-title" className="visually-hidden">
        {t("filtersTitle")}
      </h2>
      <div className={styles.filterGrid}>
        <Field id="audit-entity" label={t("entity")}>
          <select id="audit-entity" name="entity" defaultValue={query.entity ?? ""} className={controlClass}>
            <option value="">{t("all")}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`entities.${e}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="audit-record" label={t("record")} hint={t("recordHint")}>
          <input id="audit-record" aria-describedby="audit-record-hint" name="record" defaultValue={query.record ?? ""} maxLength={100} autoComplete="off" spellCheck={false} className={controlClass} />
        </Field>
        <Field id="audit-user" label={t("user")}>
          <select id="audit-user" name="user" defaultValue={query.user ? String(query.user) : ""} className={controlClass}>
            <option value="">{t("all")}</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
          </select>
        </Field>
        <Field id="audit-from" label={t("from")}>
          <input id="audit-from" name="from" type="date" defaultValue={query.from ?? ""} aria-describedby="audit-dates-hint" className={controlClass} />
        </Field>
        <Field id="audit-to" label={t("to")}>
          <input id="audit-to" name="to" type="date" defaultValue={query.to ?? ""} aria-describedby="audit-dates-hint" className={controlClass} />
        </Field>
      </div>
      <p id="audit-dates-hint" className={styles.hint}>
        {t("dateHint")}
      </p>
      <div className={styles.filterActions}>
        <button type="submit" className={buttonClass}>
          {t("apply")}
        </button>
        <Link href="/admin/audit">{t("clear")}</Link>
      </div>
    </form>
  );
}
